"use client";

import { useEffect, useId, useRef } from "react";
import { smallButton } from "@/components/image-input/styles";
import { Alert } from "@/components/ui/alert";
import { PlainImg } from "@/components/ui/plain-img";
import type { GalleryItem } from "@/lib/api-types";
import { describeError } from "@/lib/queries/api";
import { formatPixels, truncate } from "@/lib/display/format";
import { taskLabel } from "@/lib/display/task-label";
import { useGallery } from "@/lib/queries/use-gallery";

/**
 * Our own past results as inputs: a modal <dialog> of thumbnails (focus trapped, Escape
 * closes). Rendered only while open, so the gallery is fetched when it is first wanted.
 */
export function GalleryPicker({ title, onPick, onClose }: { title: string; onPick: (item: GalleryItem) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { data, error, isPending, fetchNextPage, hasNextPage, isFetchingNextPage } = useGallery();

  useEffect(() => {
    const dialog = ref.current;
    // As in ImageDialog: no close() in a cleanup (StrictMode's replay would close it again).
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const items = data?.pages.flatMap((p) => p.items) ?? [];
  const close = () => ref.current?.close();

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === e.currentTarget) e.currentTarget.close();
      }}
      className="m-auto max-h-[90vh] w-[min(56rem,95vw)] rounded-lg bg-white p-0 shadow-xl"
    >
      <div className="flex max-h-[90vh] flex-col gap-3 p-4">
        <div className="flex items-center justify-between gap-3">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <button type="button" onClick={close} className={smallButton}>
            Close
          </button>
        </div>
        <div className="min-h-0 overflow-y-auto">
          {isPending && <p className="text-sm text-neutral-500">Loading images…</p>}
          {error && !data && <Alert tone="error">Could not load the gallery: {describeError(error)}</Alert>}
          {data && items.length === 0 && (
            <p className="rounded-lg border border-dashed border-neutral-300 p-8 text-center text-sm text-neutral-600">
              No images in the gallery yet. Results you make appear here and can be used as inputs.
            </p>
          )}
          {items.length > 0 && (
            <ul className="grid grid-cols-3 gap-3 sm:grid-cols-4 md:grid-cols-5" aria-label="Gallery images">
              {items.map((item) => {
                const what = item.prompt ? truncate(item.prompt, 60) : taskLabel(item.taskType);
                return (
                  <li key={item.id}>
                    <button
                      type="button"
                      onClick={() => {
                        onPick(item);
                        close();
                      }}
                      aria-label={`Use ${what}, ${formatPixels(item.width, item.height)}`}
                      className="flex w-full flex-col overflow-hidden rounded-md border border-neutral-200 bg-neutral-100 text-left hover:border-blue-500"
                    >
                      <PlainImg src={item.thumbUrl} alt="" width={item.width} height={item.height} className="aspect-square h-auto w-full object-contain" />
                      <span className="truncate bg-white px-1.5 py-1 text-xs text-neutral-600">{formatPixels(item.width, item.height)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {error && data && <Alert tone="error">Could not load more: {describeError(error)}</Alert>}
        </div>
        {hasNextPage && (
          <div className="flex justify-center">
            <button type="button" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage} className={smallButton}>
              {isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          </div>
        )}
      </div>
    </dialog>
  );
}
