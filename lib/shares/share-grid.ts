import "server-only";
/**
 * A shared sweep: which images it shares (its cells' images, in cell order), and the grid its
 * page lays them out on. Axis labels are the sweep's; a prompt axis shows its values only when the
 * owner shows prompts (otherwise "Prompt 1", "Prompt 2"), as prompts are hidden everywhere else.
 */
import type { Queryable } from "@/lib/db/client";
import { listImagesOfJobs } from "@/lib/db/job-queries";
import { getSweep, listSweepCells } from "@/lib/db/sweep-queries";
import { validationFailed } from "@/lib/field-errors";
import { getModel, type TaskType } from "@/lib/models";
import { SHARE_LIMITS } from "@/lib/shares/share-schema";
import { axisLabel, axisValueLabel } from "@/lib/sweeps/axis-labels";
import { gridShape, PROMPT_AXIS, type SweepAxis } from "@/lib/sweeps/sweep-axis";

export interface PublicSharedGrid {
  axes: { label: string; values: string[] }[];
  shape: [number, number, number];
  /** `n`: the 1-based place of the cell's first image in the share; null when it has none. */
  cells: { x: number; y: number; z: number; n: number | null }[];
}

/** The first image of each cell's run, by cell position. */
async function firstImageOfCells(db: Queryable, sweepId: string) {
  const cells = await listSweepCells(db, sweepId);
  const jobIds = cells.flatMap((c) => (c.jobId ? [c.jobId] : []));
  const images = await listImagesOfJobs(db, jobIds);
  return { cells, images };
}

/** The images a share of the sweep holds: every image of its cells' runs, cell by cell. */
export async function sweepImageIds(db: Queryable, sweepId: string): Promise<string[]> {
  if (!(await getSweep(db, sweepId))) throw validationFailed([{ field: "sweepId", message: "sweepId names no sweep" }]);
  const { cells, images } = await firstImageOfCells(db, sweepId);
  const ids = cells.flatMap((c) => images.filter((i) => i.jobId === c.jobId).sort((a, b) => a.index - b.index).map((i) => i.id));
  if (ids.length === 0) throw validationFailed([{ field: "sweepId", message: "The sweep has no images yet: share it once a cell has finished" }]);
  return ids.slice(0, SHARE_LIMITS.imagesMax);
}

export async function sharedGrid(
  db: Queryable,
  sweepId: string,
  sharedImageIds: readonly string[],
  opts: { showPrompts: boolean; modelName: (id: string) => string },
): Promise<PublicSharedGrid | null> {
  const sweep = await getSweep(db, sweepId);
  if (!sweep) return null;
  const { cells, images } = await firstImageOfCells(db, sweepId);
  const place = new Map(sharedImageIds.map((id, i) => [id, i + 1]));
  const axes = sweep.axes as SweepAxis[];
  const model = getModel(String(sweep.base.model ?? ""));
  const task = String(sweep.base.task_type) as TaskType;
  return {
    axes: axes.map((a) => ({
      label: axisLabel(a, model, task),
      values: a.values.map((v, i) => (a.field === PROMPT_AXIS && !opts.showPrompts ? `Prompt ${i + 1}` : axisValueLabel(a, v, model, task, opts.modelName))),
    })),
    shape: gridShape(axes),
    cells: cells.map((c) => {
      const first = images.filter((i) => i.jobId === c.jobId).sort((a, b) => a.index - b.index)[0];
      return { x: c.x, y: c.y, z: c.z, n: first ? (place.get(first.id) ?? null) : null };
    }),
  };
}
