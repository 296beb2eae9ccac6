"use client";

import { PlainImg } from "@/components/ui/plain-img";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ApiJob, ApiSweepCell, GalleryItem } from "@/lib/api-types";
import { describeQueuePlace } from "@/lib/display/budget-text";
import { formatDollars } from "@/lib/display/format";
import { jobCostUsd, STATUS_LABELS } from "@/lib/queries/job-status";
import { galleryItemOf, runSeconds } from "@/lib/sweep-ui/cell-items";

export type CellState = "left-out" | "waiting" | "running" | "completed" | "blocked" | "failed" | "cancelled" | "loading";

export function cellState(cell: ApiSweepCell, job: ApiJob | undefined): CellState {
  if (!cell.jobId) return "left-out";
  if (!job) return "loading";
  switch (job.status) {
    case "waiting":
      return "waiting";
    case "submitting":
    case "queued":
    case "processing":
      return "running";
    case "completed":
      return job.images.length === 0 ? "blocked" : "completed";
    default:
      return job.status;
  }
}

/**
 * One cell of the grid, live from its run in the job cache: its place in line, its progress, its
 * image(s) (click: the large view), or why it failed or was blocked with "Re-run"; a cell left
 * out shows its note.
 */
export function SweepCell({
  cell,
  job,
  now,
  selected,
  onSelect,
  onOpen,
  onRerun,
  rerunning,
}: {
  cell: ApiSweepCell;
  job: ApiJob | undefined;
  now: number;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onOpen: (item: GalleryItem) => void;
  onRerun: () => void;
  rerunning: boolean;
}) {
  const state = cellState(cell, job);
  const where = cell.labels.join(" × ");
  const rerun = (
    <button
      type="button"
      onClick={onRerun}
      disabled={rerunning}
      aria-label={`Re-run cell ${cell.position + 1} (${where})`}
      className="rounded-md border border-neutral-300 bg-white px-2 py-0.5 text-xs font-medium hover:bg-neutral-100 disabled:text-neutral-400"
    >
      {rerunning ? "Re-running…" : "Re-run"}
    </button>
  );
  return (
    <div
      data-testid="sweep-cell"
      data-position={cell.position}
      data-state={state}
      aria-label={`Cell ${cell.position + 1}: ${where}`}
      className={`relative flex min-h-32 w-full flex-col gap-1 rounded-md border p-1 text-xs ${selected ? "border-blue-600 ring-2 ring-blue-600" : "border-neutral-200"} bg-white`}
    >
      {state === "completed" && job && (
        <>
          <label className="absolute left-1.5 top-1.5 z-10 flex h-6 w-6 cursor-pointer items-center justify-center rounded bg-white/90 shadow">
            <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={`Select cell ${cell.position + 1} (${where}) to compare`} />
          </label>
          <div className={`grid gap-1 ${job.images.length > 1 ? "grid-cols-2" : "grid-cols-1"}`}>
            {job.images.map((image) => (
              <button
                key={image.id}
                type="button"
                onClick={() => onOpen(galleryItemOf(job, image))}
                aria-label={`Open cell ${cell.position + 1} (${where}), image ${image.index + 1}, in large view`}
                className="block overflow-hidden rounded bg-neutral-100"
              >
                <PlainImg data-testid="sweep-cell-image" src={image.thumbUrl} alt="" width={image.width} height={image.height} className="aspect-square h-auto w-full object-contain" />
              </button>
            ))}
          </div>
          <p className="text-neutral-600 tabular-nums" data-testid="sweep-cell-facts">
            {formatDollars(jobCostUsd(job).usd)}
            {runSeconds(job) !== null && <> · {runSeconds(job)} s</>}
            {job.imagesBlocked > 0 && <span className="text-amber-800"> · {job.imagesBlocked} blocked</span>}
          </p>
        </>
      )}
      {state === "waiting" && job && (
        <p className="m-auto text-center text-amber-900">Waiting{job.queue ? ` · ${describeQueuePlace(job.queue, now)}` : ""}</p>
      )}
      {state === "running" && job && (
        <div className="m-auto flex w-full flex-col gap-1 px-1">
          <p className="text-center text-neutral-700">{STATUS_LABELS[job.status]}…</p>
          <ProgressBar value={job.progress} label={`Cell ${cell.position + 1} progress`} />
        </div>
      )}
      {(state === "failed" || state === "blocked") && job && (
        <div className="m-auto flex flex-col items-center gap-1 text-center" data-testid="sweep-cell-problem">
          <p className="font-medium text-red-800">{state === "blocked" ? "Blocked" : "Failed"}</p>
          <p className="line-clamp-4 text-red-800">
            {job.error?.message ?? (state === "blocked" ? "The content filter held back every image." : "The run failed.")}
          </p>
          {rerun}
        </div>
      )}
      {state === "cancelled" && (
        <div className="m-auto flex flex-col items-center gap-1 text-center text-neutral-600">
          <p>Cancelled before it was sent</p>
          {rerun}
        </div>
      )}
      {state === "left-out" && <p className="m-auto text-center text-neutral-500">{cell.note ?? "Left out"}</p>}
      {state === "loading" && <p className="m-auto text-neutral-500">Loading…</p>}
    </div>
  );
}
