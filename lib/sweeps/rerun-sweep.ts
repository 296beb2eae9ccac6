import "server-only";
import type { Db } from "@/lib/db/client";
import { getJob } from "@/lib/db/job-queries";
import { listJobInputs } from "@/lib/db/input-queries";
import { admitRun } from "@/lib/db/run-admission";
import { admitSweep, getSweep, getSweepCell, listSweepCells, listSweepJobs, setCellJob, type SweepCellInput } from "@/lib/db/sweep-queries";
import type { JobRow, SweepRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { validationFailed } from "@/lib/field-errors";
import type { OfferedModel } from "@/lib/model-catalog/offered-models";
import type { ModelRequest, TaskType } from "@/lib/models";
import { capRefusal } from "@/lib/spend/cap-refusal";
import { readCaps, spendTimeZone } from "@/lib/spend/spending-caps";
import { periodsAt } from "@/lib/time/zoned-periods";
import { drawSharedSeed } from "./shared-seed";
import type { SweepAxis } from "./sweep-axis";

const definitionOf = (offered: readonly OfferedModel[], id: string) => offered.find((m) => m.definition.id === id)?.definition;

/**
 * Re-runs: one cell again (a failed or blocked one), or the whole sweep with another seed. Both
 * start from the runs the cells made, whose parameters were checked when the sweep was admitted
 * and whose images are stored: nothing is uploaded again. The model must still be on offer.
 */

async function cloneOf(db: Db, offered: readonly OfferedModel[], job: JobRow, seed?: number): Promise<NonNullable<SweepCellInput["run"]>> {
  const offer = offered.find((m) => m.definition.id === job.model);
  if (!offer || offer.unavailable) {
    const reason = offer?.unavailable?.reason ?? `The model ${job.model} is no longer offered.`;
    throw validationFailed([{ field: "model", message: `${reason} This cell cannot run again.` }]);
  }
  const params = seed !== undefined && "seed" in job.params ? { ...job.params, seed } : job.params;
  const inputs = await listJobInputs(db, job.id);
  const source = inputs.find((i) => i.role === "image" || i.role === "images")?.input;
  const estimate = offer.definition.estimateCost(params as ModelRequest, source ? { width: source.width, height: source.height } : undefined);
  return {
    row: {
      model: job.model,
      taskType: job.taskType,
      params,
      prompt: job.prompt,
      seed: typeof params.seed === "number" ? params.seed : null,
      imagesRequested: estimate.images,
      estimatedCostMicros: estimate.totalMicros,
    },
    links: inputs.map((i) => ({ inputSha256: i.input.sha256, role: i.role, position: i.position })),
  };
}

async function capContext(db: Db, now: Date) {
  const { caps } = await readCaps(db);
  const timeZone = spendTimeZone();
  return { caps, timeZone, periods: periodsAt(now, timeZone) };
}

async function sweepOrThrow(db: Db, id: string): Promise<SweepRow> {
  const sweep = await getSweep(db, id);
  if (!sweep) throw new AppError("not_found", "No sweep with this id.");
  return sweep;
}

/** The cell's run made again, with its parameters (and seed, unless `newSeed`); the cell then shows it. */
export async function rerunCell(db: Db, offered: readonly OfferedModel[], sweepId: string, position: number, newSeed: boolean, now = new Date()): Promise<JobRow> {
  await sweepOrThrow(db, sweepId);
  const cell = await getSweepCell(db, sweepId, position);
  if (!cell) throw new AppError("not_found", `The sweep has no cell ${position}.`);
  const previous = cell.jobId ? await getJob(db, cell.jobId) : undefined;
  if (!previous) throw new AppError("conflict", "This cell has no run to repeat (it was left out before Run, or its run was deleted).");
  if (!["completed", "failed", "cancelled"].includes(previous.status)) {
    throw new AppError("conflict", `This cell's run has not ended yet (${previous.status}); re-run it once it has.`);
  }
  const seed = newSeed ? drawSharedSeed([definitionOf(offered, previous.model)], previous.taskType as TaskType) : undefined;
  const run = await cloneOf(db, offered, previous, seed);
  const ctx = await capContext(db, now);
  const admission = await admitRun(db, {
    row: { ...run.row, sweepId },
    links: run.links,
    caps: ctx.caps,
    periods: ctx.periods,
    now,
    onAdmitted: (tx, job) => setCellJob(tx, sweepId, position, job.id, now),
  });
  if (admission.kind === "over_cap") throw capRefusal({ ...admission, resetsAt: ctx.periods[admission.period].end, timeZone: ctx.timeZone });
  return admission.job;
}

/** A new sweep with the same axes and cells, every run with `seed` (drawn when not given). */
export async function rerunWithSeed(db: Db, offered: readonly OfferedModel[], sweepId: string, seed: number | undefined, now = new Date()): Promise<SweepRow> {
  const sweep = await sweepOrThrow(db, sweepId);
  if ((sweep.axes as SweepAxis[]).some((a) => a.field === "seed")) {
    throw validationFailed([{ field: "seed", message: "This sweep varies the seed on an axis: change that axis's values instead" }]);
  }
  const jobsOfCells = await listSweepJobs(db, sweepId);
  const next = seed ?? drawSharedSeed(jobsOfCells.map((j) => definitionOf(offered, j.model)), String(sweep.base.task_type) as TaskType);
  const byId = new Map(jobsOfCells.map((j) => [j.id, j]));
  const cells: SweepCellInput[] = [];
  const byCell = new Map<number, JobRow>();
  for (const cell of await listSweepCells(db, sweepId)) {
    const job = cell.jobId ? byId.get(cell.jobId) : undefined;
    if (job) byCell.set(cell.position, job);
    cells.push({
      position: cell.position,
      x: cell.x,
      y: cell.y,
      z: cell.z,
      run: job ? await cloneOf(db, offered, job, next) : undefined,
      note: job ? undefined : (cell.note ?? "Its run was deleted"),
    });
  }
  // The order of the sweep it repeats: the cells' runs were stamped in run order (enqueue-sweep.ts).
  const madeAt = (c: SweepCellInput) => (c.run ? (byCell.get(c.position)?.createdAt.getTime() ?? Infinity) : Infinity);
  const order = [...cells].sort((a, b) => madeAt(a) - madeAt(b) || a.position - b.position);
  const ctx = await capContext(db, now);
  const total = cells.reduce((sum, c) => sum + (c.run?.row.estimatedCostMicros ?? 0), 0);
  const admission = await admitSweep(db, {
    sweep: {
      title: sweep.title,
      base: { ...sweep.base, seed: next },
      axes: sweep.axes,
      seed: next,
      cellCount: sweep.cellCount,
      estimatedCostMicros: total,
      parentId: sweep.id,
    },
    cells: order,
    caps: ctx.caps,
    periods: ctx.periods,
    now,
  });
  if (admission.kind === "over_cap") {
    const runs = cells.filter((c) => c.run).length;
    throw capRefusal({ ...admission, resetsAt: ctx.periods[admission.period].end, timeZone: ctx.timeZone, subject: `This sweep of ${runs} runs` });
  }
  if (admission.kind !== "admitted") throw new Error(`unexpected admission ${admission.kind}`);
  return admission.sweep;
}
