import "server-only";
import { randomInt } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { JobInputLink } from "@/lib/db/input-queries";
import { admitSweep, type SweepCellInput } from "@/lib/db/sweep-queries";
import type { SweepRow } from "@/lib/db/schema";
import { AppError, type FieldError } from "@/lib/errors";
import { validationFailed } from "@/lib/field-errors";
import { admissionKey, keyReused } from "@/lib/jobs/enqueue-run";
import { storeRequestInputs, type StoredInputs } from "@/lib/jobs/store-inputs";
import { log } from "@/lib/log";
import type { OfferedModel } from "@/lib/model-catalog/offered-models";
import { validateRunRequest } from "@/lib/model-catalog/validate-run-request";
import { DEFAULT_MODEL_ID, type ModelDefinition, type ModelRequest, type TaskType } from "@/lib/models";
import { capRefusal } from "@/lib/spend/cap-refusal";
import { readCaps, spendTimeZone } from "@/lib/spend/spending-caps";
import { periodsAt } from "@/lib/time/zoned-periods";
import { describeRefusal, planSweep, runOrder, type PlanDeps, type SweepPlan } from "./plan-sweep";
import { drawSharedSeed } from "./shared-seed";
import { MODEL_AXIS, type SweepRequest } from "./sweep-axis";

const IMAGE_FIELDS = ["image", "images", "reference_image", "mask_image"] as const;
/** A refusal lists this many cells by name, then how many more. */
const LISTED_REFUSALS = 10;

export function planDepsFor(offered: readonly OfferedModel[]): PlanDeps {
  const byId = new Map(offered.map((m) => [m.definition.id, m.definition]));
  return {
    model: (id) => byId.get(id),
    check: (request) => {
      const r = validateRunRequest(request, offered);
      return r.ok ? { ok: true, model: r.value.model, request: r.value.request } : r;
    },
  };
}

function sharedSeedOf(base: Record<string, unknown>, axes: SweepRequest["axes"], deps: PlanDeps): number {
  const modelAxis = axes.find((a) => a.field === MODEL_AXIS);
  const ids = modelAxis ? modelAxis.values.map(String) : [String(base.model)];
  return drawSharedSeed(ids.map(deps.model), base.task_type as TaskType);
}

function refusalOf(plan: SweepPlan): AppError | null {
  if (plan.problems.length > 0) return validationFailed(plan.problems);
  if (plan.refused.length > 0) {
    const named: FieldError[] = plan.refused.slice(0, LISTED_REFUSALS).map((c) => ({ field: `cells[${c.position}]`, message: describeRefusal(c) }));
    const more = plan.refused.length - named.length;
    if (more > 0) named.push({ field: "cells", message: `and ${more} more cells would be refused` });
    named.push({ field: "drop", message: `Fix the values or drop the ${plan.refused.length} refused cells (drop: [${plan.refused.map((c) => c.position).join(", ")}]); nothing ran` });
    return validationFailed(named);
  }
  if (plan.runs === 0) return validationFailed([{ field: "drop", message: "Every cell is dropped: nothing would run" }]);
  return null;
}

/**
 * The inline images of the sweep, checked and stored once: no axis varies an image, so every
 * cell that takes a field takes the same image, and checking it per cell would decode it again
 * for each of them.
 */
async function storeSharedInputs(db: Db, plan: SweepPlan, task: string): Promise<StoredInputs> {
  const images: Record<string, unknown> = {};
  for (const cell of plan.cells) {
    for (const field of IMAGE_FIELDS) {
      const value = cell.run?.request[field];
      if (value !== undefined && images[field] === undefined) images[field] = value;
    }
  }
  return storeRequestInputs(db, { task_type: task as TaskType, ...images });
}

function cellRun(model: ModelDefinition, request: ModelRequest, stored: StoredInputs): NonNullable<SweepCellInput["run"]> {
  const seeded = model.ensureSeed(request, () => randomInt(0, 2 ** 47) / 2 ** 47);
  const params: Record<string, unknown> = { ...seeded };
  const fields = IMAGE_FIELDS.filter((f) => seeded[f] !== undefined);
  for (const field of fields) params[field] = stored.params[field];
  const links: JobInputLink[] = stored.links.filter((l) => (fields as readonly string[]).includes(l.role));
  const takesSource = fields.includes("image") || fields.includes("images");
  const estimate = model.estimateCost(seeded, takesSource ? stored.inputSize : undefined);
  return {
    row: {
      model: model.id,
      taskType: seeded.task_type,
      params,
      prompt: typeof seeded.prompt === "string" ? seeded.prompt : null,
      seed: typeof seeded.seed === "number" ? seeded.seed : null,
      imagesRequested: estimate.images,
      estimatedCostMicros: estimate.totalMicros,
    },
    links,
  };
}

/** The form's request as the sweep keeps it: stored images as references, never bytes. */
function storableBase(base: Record<string, unknown>, stored: StoredInputs): Record<string, unknown> {
  const out = { ...base };
  for (const field of IMAGE_FIELDS) {
    if (out[field] === undefined) continue;
    if (stored.params[field] !== undefined) out[field] = stored.params[field];
    else delete out[field];
  }
  return out;
}

function defaultTitle(plan: SweepPlan, base: Record<string, unknown>): string {
  const prompt = typeof base.prompt === "string" ? base.prompt.trim() : "";
  const about = prompt.length > 48 ? `${prompt.slice(0, 47)}…` : prompt;
  return [plan.axisLabels.join(" × "), about].filter(Boolean).join(": ");
}

export interface EnqueueSweepOptions {
  idempotency?: { key: string; body: unknown };
  now?: Date;
  parentId?: string;
}

/**
 * Plans the sweep again on the server (every cell checked by its model, as the models on offer
 * now), stores its images once, and admits it whole (lib/db/sweep-queries.ts admitSweep): a
 * refused cell or a cap it would pass refuses the sweep, and nothing runs. The run queue then
 * sends the cells like any run, in `runOrder`.
 */
export async function enqueueSweep(
  db: Db,
  offered: readonly OfferedModel[],
  body: SweepRequest,
  opts: EnqueueSweepOptions = {},
): Promise<{ sweep: SweepRow; replayed: boolean }> {
  const now = opts.now ?? new Date();
  const deps = planDepsFor(offered);
  // The sweep names its model even when the request left it to the default, so it reads the same later.
  const base: Record<string, unknown> = { ...body.base, model: body.base.model ?? DEFAULT_MODEL_ID };
  const seed = typeof base.seed === "number" && Number.isInteger(base.seed) ? base.seed : sharedSeedOf(base, body.axes, deps);
  const plan = planSweep({ base, axes: body.axes, drop: body.drop, seed }, deps);
  const refusal = refusalOf(plan);
  if (refusal) throw refusal;
  const stored = await storeSharedInputs(db, plan, String(base.task_type));
  const cells: SweepCellInput[] = runOrder(plan, body.axes).map((cell) => ({
    position: cell.position,
    x: cell.x,
    y: cell.y,
    z: cell.z,
    run: cell.run ? cellRun(cell.run.model, cell.run.request, stored) : undefined,
    note: cell.dropped ? "Left out before Run" : undefined,
  }));
  const total = cells.reduce((sum, c) => sum + (c.run?.row.estimatedCostMicros ?? 0), 0);
  const { caps } = await readCaps(db);
  const timeZone = spendTimeZone();
  const periods = periodsAt(now, timeZone);
  const admission = await admitSweep(db, {
    sweep: {
      title: body.title?.trim() || defaultTitle(plan, base),
      base: storableBase(base, stored),
      axes: body.axes,
      seed: body.axes.some((a) => a.field === "seed") ? null : seed,
      cellCount: plan.cells.length,
      estimatedCostMicros: total,
      parentId: opts.parentId ?? null,
    },
    cells,
    idempotency: admissionKey(opts.idempotency, now),
    caps,
    periods,
    now,
  });
  switch (admission.kind) {
    case "replayed":
      return { sweep: admission.sweep, replayed: true };
    case "key_reused":
      throw keyReused("sweep", "sweep");
    case "over_cap":
      throw capRefusal({ ...admission, resetsAt: periods[admission.period].end, timeZone, subject: `This sweep of ${plan.runs} runs` });
    case "admitted":
      log("info", "sweep.queued", { sweepId: admission.sweep.id, cells: plan.runs, totalMicros: total });
      return { sweep: admission.sweep, replayed: false };
  }
}
