/** A run that ended, as the "being told" reducer sees it (finished-while-hidden.ts). */
import type { ApiJob, ApiSweep, JobStatus } from "@/lib/api-types";
import { truncate } from "@/lib/display/format";
import { taskLabel } from "@/lib/display/task-label";
import type { FinishedItem } from "@/lib/notify/finished-while-hidden";

const LABEL_MAX = 120;

/**
 * A completed or failed run as an item; null for one still going, one cancelled (the person did
 * that themselves) and a sweep's cell (its sweep is told about once, as one item).
 */
export function finishedRunItem(job: ApiJob): FinishedItem | null {
  if (job.sweepId !== null) return null;
  const end = job.status === "completed" ? job.completedAt : job.status === "failed" ? job.failedAt : null;
  if (end === null) return null;
  return {
    key: `run:${job.id}`,
    kind: "run",
    ok: job.status === "completed",
    tookMs: Date.parse(end) - Date.parse(job.createdAt),
    label: job.prompt ? truncate(job.prompt, LABEL_MAX) : taskLabel(job.taskType),
  };
}

/**
 * A sweep whose every cell's run has ended, as one item (its cells are not told about one by
 * one); null while any is still going. `current` gives a cell run's latest state when the cache
 * has a newer one than the sweep's own copy.
 */
export function finishedSweepItem(sweep: ApiSweep, current: (jobId: string) => ApiJob | undefined): FinishedItem | null {
  const runs = sweep.cells.flatMap((c) => (c.jobId ? [current(c.jobId) ?? sweep.jobs.find((j) => j.id === c.jobId)] : []));
  if (runs.length === 0 || runs.some((j) => j === undefined)) return null;
  const ended = runs as ApiJob[];
  const terminal: readonly JobStatus[] = ["completed", "failed", "cancelled"];
  if (ended.some((j) => !terminal.includes(j.status))) return null;
  const ends = ended.map((j) => Date.parse(j.completedAt ?? j.failedAt ?? j.cancelledAt ?? j.createdAt));
  return {
    key: `sweep:${sweep.id}`,
    kind: "sweep",
    ok: ended.every((j) => j.status !== "failed"),
    tookMs: Math.max(...ends) - Date.parse(sweep.createdAt),
    label: truncate(sweep.title, LABEL_MAX),
  };
}
