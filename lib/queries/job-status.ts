import { TERMINAL_STATUSES, type ApiJob, type JobStatus } from "@/lib/api-types";

export function isTerminal(status: JobStatus | undefined): boolean {
  return status !== undefined && TERMINAL_STATUSES.includes(status);
}

export const STATUS_LABELS: Record<JobStatus, string> = {
  waiting: "Waiting",
  submitting: "Submitting",
  queued: "Queued",
  processing: "Processing",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** Cost to show for a job: what it cost once known, else the estimate. */
export function jobCostUsd(job: ApiJob): { usd: number; estimated: boolean } {
  return job.actualCostUsd !== null ? { usd: job.actualCostUsd, estimated: false } : { usd: job.estimatedCostUsd, estimated: true };
}
