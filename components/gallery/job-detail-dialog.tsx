"use client";

import { useState, type ReactNode } from "react";
import { JobFacts } from "@/components/gallery/job-facts";
import { ImageLineage } from "@/components/gallery/image-lineage";
import { JobInputs } from "@/components/gallery/job-inputs";
import { JobOutputs } from "@/components/gallery/job-outputs";
import { JobParams } from "@/components/gallery/job-params";
import { LargeImage } from "@/components/gallery/large-image";
import { ReuseButtons } from "@/components/playground/reuse-buttons";
import { CopyRequestButton } from "@/components/request-snippets/copy-request";
import { Alert } from "@/components/ui/alert";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { ApiImage, GalleryItem } from "@/lib/api-types";
import { describeError } from "@/lib/queries/api";
import { taskLabel } from "@/lib/display/task-label";
import { useJobDetail } from "@/lib/queries/use-job-detail";
import { modelLabel, useModels } from "@/lib/queries/use-models";
import { isTypingTarget } from "@/lib/canvas/commands/keys";

/**
 * The gallery's large view: the full image on the left; on the right the job it came from
 * (inputs, its other outputs, parameters, cost, "Copy request"), fetched when opened.
 * A native modal <dialog>: focus is trapped and Escape closes it. Rendered only while open.
 */
export function JobDetailDialog({
  item,
  onClose,
  actions,
  onPrev,
  onNext,
  onOpenImage,
  onReused,
}: {
  item: GalleryItem;
  onClose: () => void;
  /** The gallery's previous/next image (← and → keys, and buttons), when there is one. */
  onPrev?: () => void;
  onNext?: () => void;
  /** Opens another image here (lineage); without it lineage is listed but not clickable. */
  onOpenImage?: (item: GalleryItem) => void;
  /** After "Reuse parameters" filled the playground's form (the gallery goes there). */
  onReused?: () => void;
  /** Extra buttons for the image shown large (e.g. "Use as…"); to close, the parent unmounts this. */
  actions?: (image: ApiImage) => ReactNode;
}) {
  const { ref, onBackdropClick, close } = useModalDialog();
  const [currentId, setCurrentId] = useState(item.id);
  const { data: job, error, isPending } = useJobDetail(item.jobId);
  const current: ApiImage = job?.images.find((i) => i.id === currentId) ?? item;
  const task = taskLabel(item.taskType);
  const { data: models } = useModels();
  const model = modelLabel(item.model, models);
  const title = item.prompt ?? task;


  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      onClick={onBackdropClick}
      onKeyDown={(e) => {
        if (isTypingTarget(e.target as HTMLElement)) return;
        if (e.key === "ArrowLeft" && onPrev) {
          e.preventDefault();
          onPrev();
        } else if (e.key === "ArrowRight" && onNext) {
          e.preventDefault();
          onNext();
        }
      }}
      data-testid="gallery-detail"
      className="m-auto max-h-[95vh] w-[min(95vw,84rem)] max-w-[95vw] overflow-hidden rounded-lg bg-white p-0 shadow-xl"
    >
      <div className="flex max-h-[95vh] flex-col overflow-y-auto lg:flex-row lg:overflow-hidden">
        <LargeImage image={current} alt={title} task={task} model={model} onClose={close} actions={actions?.(current)} />
        <aside
          aria-label="About this job"
          aria-busy={isPending}
          className="flex w-full shrink-0 flex-col gap-5 border-t border-neutral-200 p-4 lg:w-96 lg:overflow-y-auto lg:border-l lg:border-t-0"
        >
          {(onPrev || onNext) && (
            <nav aria-label="Gallery" className="flex items-center justify-between gap-2 text-sm">
              <button type="button" onClick={onPrev} disabled={!onPrev} aria-keyshortcuts="ArrowLeft" className="rounded-md border border-neutral-300 px-2.5 py-1 font-medium hover:bg-neutral-100 disabled:text-neutral-400">
                ← Previous
              </button>
              <button type="button" onClick={onNext} disabled={!onNext} aria-keyshortcuts="ArrowRight" className="rounded-md border border-neutral-300 px-2.5 py-1 font-medium hover:bg-neutral-100 disabled:text-neutral-400">
                Next →
              </button>
            </nav>
          )}
          {job ? (
            <>
              <JobInputs job={job} />
              <JobOutputs job={job} currentId={current.id} onSelect={setCurrentId} />
              {onOpenImage && <ImageLineage imageId={current.id} onOpen={onOpenImage} />}
              <JobParams job={job} />
              <JobFacts job={job} modelName={model} />
              {onReused && <ReuseButtons job={job} onDone={onReused} />}
              <CopyRequestButton job={job} />
            </>
          ) : error ? (
            <Alert tone="error">Could not load this job: {describeError(error)}</Alert>
          ) : (
            <p className="text-sm text-neutral-500">Loading the job…</p>
          )}
        </aside>
      </div>
    </dialog>
  );
}
