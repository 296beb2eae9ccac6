"use client";

import type { ApiJob } from "@/lib/api-types";
import { describeQueuePlace } from "@/lib/display/budget-text";

interface WaitingRunProps {
  job: ApiJob;
  now: number;
  cancelling: boolean;
  onCancel: () => void;
}

/**
 * A run stored but not yet sent: its place in line, when the queue should send it, and Cancel
 * (it never reached the gateway, so cancelling it costs nothing).
 */
export function WaitingRun({ job, now, cancelling, onCancel }: WaitingRunProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-amber-50 px-3 py-2">
      <p data-testid="queue-place" className="text-sm text-amber-900">
        {job.queue ? describeQueuePlace(job.queue, now) : "Waiting for its turn"}
      </p>
      <button
        type="button"
        aria-label="Cancel run"
        title="Take this run out of the queue: it has not been sent, so it is not billed"
        onClick={onCancel}
        disabled={cancelling}
        className="rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-xs font-medium text-neutral-800 hover:bg-neutral-100 disabled:opacity-60"
      >
        {cancelling ? "Cancelling…" : "Cancel"}
      </button>
    </div>
  );
}
