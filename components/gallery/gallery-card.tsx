import { PlainImg } from "@/components/ui/plain-img";
import type { GalleryItem } from "@/lib/api-types";
import { formatDateTime, formatDollars, truncate } from "@/lib/client/format";
import { taskLabel } from "@/lib/client/task-label";

/** One past image: thumbnail, task, prompt (truncated), cost, date. Click opens the large view. */
export function GalleryCard({ item, onOpen }: { item: GalleryItem; onOpen: (item: GalleryItem) => void }) {
  const prompt = item.prompt ? truncate(item.prompt, 90) : "No prompt";
  return (
    <li data-testid="gallery-item" data-image-id={item.id} className="flex flex-col overflow-hidden rounded-lg border border-neutral-200 bg-white shadow-sm">
      <button
        type="button"
        onClick={() => onOpen(item)}
        aria-label={`Open image in large view: ${prompt}`}
        className="block bg-neutral-100"
      >
        <PlainImg
          src={item.thumbUrl}
          alt={item.prompt ?? taskLabel(item.taskType)}
          width={item.width}
          height={item.height}
          className="aspect-square h-auto w-full object-contain"
        />
      </button>
      <div className="flex flex-1 flex-col gap-1 p-3 text-sm">
        <p className="text-xs font-medium uppercase tracking-wide text-neutral-500">{taskLabel(item.taskType)}</p>
        <p className="text-neutral-800" title={item.prompt ?? undefined}>
          {prompt}
        </p>
        <p className="mt-auto flex justify-between gap-2 pt-1 text-xs text-neutral-500">
          <span className="tabular-nums">{formatDollars(item.costUsd)}</span>
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        </p>
      </div>
    </li>
  );
}
