import { hasInputImages } from "@/components/gallery/job-inputs-model";
import { PlainImg } from "@/components/ui/plain-img";
import type { GalleryItem } from "@/lib/api-types";
import { formatDateTime, formatDollars, truncate } from "@/lib/display/format";
import { taskLabel } from "@/lib/display/task-label";
import { useJobDetail } from "@/lib/queries/use-job-detail";
import { modelLabel, useModels } from "@/lib/queries/use-models";

/**
 * One past image: thumbnail, task, model, an "inputs" badge when the job was made from images, prompt
 * (truncated), cost, date. Click opens the large view. The badge comes from the task type, or
 * from the job when it is already cached (the card never fetches it).
 */
export function GalleryCard({
  item,
  onOpen,
  selected,
  onSelect,
  onFavorite,
}: {
  item: GalleryItem;
  onOpen: (item: GalleryItem) => void;
  selected: boolean;
  /** shift: extend the selection from the last clicked image. */
  onSelect: (shift: boolean) => void;
  onFavorite: () => void;
}) {
  const prompt = item.prompt ? truncate(item.prompt, 90) : "No prompt";
  const { data: job } = useJobDetail(item.jobId, { enabled: false });
  const inputs = hasInputImages(item.taskType, job);
  const { data: models } = useModels();
  return (
    <div
      role="listitem"
      data-testid="gallery-item"
      data-image-id={item.id}
      className={`relative flex w-full flex-col overflow-hidden rounded-lg border bg-white shadow-sm ${selected ? "border-blue-600 ring-2 ring-blue-600" : "border-neutral-200"}`}
    >
      <label className="absolute left-2 top-2 z-10 flex h-7 w-7 cursor-pointer items-center justify-center rounded bg-white/90 shadow">
        <input
          type="checkbox"
          checked={selected}
          // onClick, not onChange: it carries shiftKey for range selection.
          onClick={(e) => onSelect(e.shiftKey)}
          onChange={() => undefined}
          aria-label={`Select: ${prompt}`}
          className="h-4 w-4"
        />
      </label>
      <button
        type="button"
        onClick={onFavorite}
        aria-pressed={item.favorite}
        aria-label={`Favourite: ${prompt}`}
        title={item.favorite ? "Remove from favourites" : "Add to favourites"}
        className="absolute right-2 top-2 z-10 flex h-7 w-7 items-center justify-center rounded bg-white/90 text-lg leading-none shadow aria-pressed:text-amber-500"
      >
        <span aria-hidden>{item.favorite ? "★" : "☆"}</span>
      </button>
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
        <p className="flex items-center justify-between gap-2 text-xs font-medium uppercase tracking-wide text-neutral-500">
          <span>{taskLabel(item.taskType)}</span>
          {inputs && (
            <span
              data-testid="gallery-inputs-badge"
              title="Made from input images: open to see them"
              className="rounded bg-sky-100 px-1.5 py-0.5 text-[10px] normal-case tracking-normal text-sky-800"
            >
              inputs
            </span>
          )}
        </p>
        <p className="truncate text-xs text-neutral-500" data-testid="gallery-card-model">
          {modelLabel(item.model, models)}
        </p>
        <p className="text-neutral-800" title={item.prompt ?? undefined}>
          {prompt}
        </p>
        <p className="mt-auto flex justify-between gap-2 pt-1 text-xs text-neutral-500">
          <span className="tabular-nums">{formatDollars(item.costUsd)}</span>
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        </p>
      </div>
    </div>
  );
}
