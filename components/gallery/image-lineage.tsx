"use client";

import { PlainImg } from "@/components/ui/plain-img";
import type { GalleryItem } from "@/lib/api-types";
import { taskLabel } from "@/lib/display/task-label";
import { useLineage } from "@/lib/queries/use-gallery";

/**
 * Lineage in the large view: the gallery images this one was made from ("Made from") and those
 * made from it ("Used to make"); a click opens that image here. Shown only when there is some.
 */
export function ImageLineage({ imageId, onOpen }: { imageId: string; onOpen(item: GalleryItem): void }) {
  const { data } = useLineage(imageId);
  if (!data || (data.parents.length === 0 && data.children.length === 0)) return null;
  return (
    <section aria-labelledby={`lineage-${imageId}`} className="flex flex-col gap-2" data-testid="image-lineage">
      <h3 id={`lineage-${imageId}`} className="text-xs font-medium uppercase tracking-wide text-neutral-500">
        Lineage
      </h3>
      <LineageRow label="Made from" items={data.parents} onOpen={onOpen} />
      <LineageRow label="Used to make" items={data.children} onOpen={onOpen} />
    </section>
  );
}

function LineageRow({ label, items, onOpen }: { label: string; items: GalleryItem[]; onOpen(item: GalleryItem): void }) {
  if (items.length === 0) return null;
  return (
    <div>
      <p className="text-xs text-neutral-700">
        {label} ({items.length})
      </p>
      <ul aria-label={label} className="mt-1 grid grid-cols-4 gap-2">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              data-image-id={item.id}
              aria-label={`Open ${taskLabel(item.taskType)}${item.prompt ? `: ${item.prompt}` : ""}`}
              onClick={() => onOpen(item)}
              className="block w-full rounded border-2 border-transparent bg-neutral-100 hover:border-neutral-400"
            >
              <PlainImg src={item.thumbUrl} alt="" width={item.width} height={item.height} className="aspect-square h-auto w-full object-contain" />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
