"use client";

import { Alert } from "@/components/ui/alert";
import { lazyClient } from "@/components/ui/lazy-client";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/playground/status-badge";
import { ResultImages } from "@/components/playground/result-images";
import type { ApiJob } from "@/lib/api-types";
import { describeError } from "@/lib/queries/api";
import { elapsedBetween, formatDollars, formatElapsed, formatTime } from "@/lib/display/format";
import { isTerminal, jobCostUsd } from "@/lib/queries/job-status";
import { taskLabel } from "@/lib/display/task-label";
import { useJob } from "@/lib/queries/use-job";
import { useCancelRun } from "@/lib/queries/use-cancel-run";
import { WaitingRun } from "@/components/playground/waiting-run";
import { modelLabel, useModels } from "@/lib/queries/use-models";
import { DEFAULT_MODEL_ID } from "@/lib/models";
import { useNow } from "@/lib/display/use-now";

// Loaded after the first paint (with the image loading they need), like the "Use as…" menus.
const ReuseButtons = lazyClient(() => import("@/components/playground/reuse-buttons").then((m) => m.ReuseButtons));
const CopyRequestButton = lazyClient(() =>
  import("@/components/request-snippets/copy-request").then((m) => m.CopyRequestButton),
);

/** "FLUX.2 [klein] 4B · Text to image · 1:1 · …": the model is named when it is not the default one. */
function paramSummary(job: ApiJob, model: string | null): string {
  const p = job.params;
  const images = `${job.imagesRequested} image${job.imagesRequested === 1 ? "" : "s"}`;
  const parts = [model, taskLabel(job.taskType), p.aspect_ratio, p.size_scale, p.quality, p.mask_type, p.style, images];
  if (job.seed !== null) parts.push(`seed ${job.seed}`);
  return parts.filter((x) => typeof x === "string" && x !== "").join(" · ");
}

function blockedNotice(job: ApiJob): string {
  return `${job.imagesBlocked} of ${job.imagesRequested} image${job.imagesRequested === 1 ? " was" : "s were"} blocked by the content filter`;
}

/** Statuses in which the gateway has the run: it cannot be taken back (the gateway has no cancel). */
const SENT = new Set<ApiJob["status"]>(["submitting", "queued", "processing"]);

/**
 * One run: status, progress (or its place in line while waiting, with Cancel), elapsed time, then
 * its images, blocked notice or error. The newest run's thumbnails load at once (see
 * ResultImages), older ones as they come into view.
 */
export function JobCard({ initial, newest = false }: { initial: ApiJob; newest?: boolean }) {
  const { data, error } = useJob(initial.id, initial);
  const job = data ?? initial;
  const running = !isTerminal(job.status);
  const now = useNow(200, running);
  const end = job.completedAt ?? job.failedAt ?? job.cancelledAt;
  const elapsed = elapsedBetween(job.createdAt, running ? null : end, now);
  const cost = jobCostUsd(job);
  const { data: models } = useModels();
  const model = job.model === DEFAULT_MODEL_ID ? null : modelLabel(job.model, models);
  // Here, not in WaitingRun: a refusal (the queue sent the run meanwhile) must outlive the waiting state.
  const cancel = useCancelRun(job.id);
  const unbilled = (job.status === "failed" || job.status === "cancelled") && cost.estimated;

  return (
    <article
      data-testid="job-card"
      data-status={job.status}
      data-job-id={job.id}
      aria-label={`Run at ${formatTime(job.createdAt)}: ${job.status}`}
      className="flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4 shadow-sm"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <StatusBadge status={job.status} />
          <span className="text-xs text-neutral-500">{formatTime(job.createdAt)}</span>
        </div>
        <div className="flex items-center gap-3 text-xs tabular-nums text-neutral-600">
          <span aria-label="Elapsed time">{formatElapsed(elapsed)}</span>
          {/* A failed or cancelled job with no recorded cost was not charged: no estimate to show. */}
          {!unbilled && (
            <span>
              {cost.estimated ? "Est. " : ""}
              {formatDollars(cost.usd)}
            </span>
          )}
        </div>
      </header>
      {job.prompt && <p className="line-clamp-3 text-sm text-neutral-800">{job.prompt}</p>}
      <p className="text-xs text-neutral-500">{paramSummary(job, model)}</p>
      {job.status === "waiting" && <WaitingRun job={job} now={now} cancelling={cancel.isPending} onCancel={() => cancel.mutate()} />}
      {SENT.has(job.status) && <ProgressBar value={job.progress} label="Generation progress" />}
      {cancel.error ? (
        <Alert tone="warning">{describeError(cancel.error)}</Alert>
      ) : (
        SENT.has(job.status) && <p className="text-xs text-neutral-500">Sent to the gateway, which has no cancel: this run finishes and is billed.</p>
      )}
      {job.status === "cancelled" && (
        <Alert tone="info" testId="cancelled-notice">
          Cancelled before it was sent — not billed.
        </Alert>
      )}
      {running && error && <Alert tone="warning">Could not refresh this job: {describeError(error)}</Alert>}
      {job.status === "failed" && <Alert tone="error">{job.error?.message ?? "The job failed."}</Alert>}
      {job.imagesBlocked > 0 && (
        <Alert tone="warning" testId="blocked-notice">
          {blockedNotice(job)}
        </Alert>
      )}
      {job.images.length > 0 && <ResultImages images={job.images} prompt={job.prompt} eager={newest} />}
      <div className="flex flex-wrap items-start gap-2">
        <ReuseButtons job={job} />
        {job.upstreamJobId && <CopyRequestButton job={job} />}
      </div>
    </article>
  );
}
