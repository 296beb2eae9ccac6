import type { JobStatus } from "@/lib/api-types";
import { STATUS_LABELS } from "@/lib/queries/job-status";

const TONES: Record<JobStatus, string> = {
  waiting: "bg-amber-50 text-amber-800",
  submitting: "bg-neutral-100 text-neutral-700",
  queued: "bg-neutral-100 text-neutral-700",
  processing: "bg-blue-100 text-blue-800",
  completed: "bg-green-100 text-green-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-neutral-100 text-neutral-600",
};

export function StatusBadge({ status }: { status: JobStatus }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONES[status]}`}>{STATUS_LABELS[status]}</span>
  );
}
