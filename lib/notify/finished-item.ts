/** A run that ended, as the "being told" reducer sees it (finished-while-hidden.ts). */
import type { ApiJob } from "@/lib/api-types";
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
