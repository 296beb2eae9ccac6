"use client";

import { useState } from "react";
import { lazyClient } from "@/components/ui/lazy-client";
import type { GalleryItem } from "@/lib/api-types";
import { useGallerySelection } from "@/lib/client/gallery-selection";
import { useToggleFavorite } from "@/lib/client/use-gallery";
import { useDeleteImages } from "@/lib/client/use-delete-images";

const CompareDialog = lazyClient(() => import("@/components/gallery/compare-dialog").then((m) => m.CompareDialog));
const CreateShareDialog = lazyClient(() => import("@/components/share/create-share-dialog").then((m) => m.CreateShareDialog));

const button = "rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-neutral-100 disabled:text-neutral-400";

/** Selection count and what can be done with the selection (share); select all loaded images. */
export function SelectionBar({ order, itemsById }: { order: readonly string[]; itemsById: ReadonlyMap<string, GalleryItem> }) {
  const ids = useGallerySelection((s) => s.ids);
  const selectAll = useGallerySelection((s) => s.selectAll);
  const clear = useGallerySelection((s) => s.clear);
  const [sharing, setSharing] = useState(false);
  const [comparing, setComparing] = useState(false);
  const canCompare = ids.length >= 2 && ids.length <= 4;
  const remove = useDeleteImages();
  const favorite = useToggleFavorite();
  return (
    <div role="toolbar" aria-label="Selection" className="sticky top-0 z-20 -mx-1 flex flex-wrap items-center gap-2 rounded-md bg-white/95 px-1 py-2 backdrop-blur">
      <span className="text-sm text-neutral-700" aria-live="polite">
        {ids.length === 0 ? "Select images to share them (shift-click selects a range)." : `${ids.length} selected`}
      </span>
      <span className="flex-1" />
      <button type="button" className={button} onClick={() => selectAll(order)} disabled={order.length === 0}>
        Select all {order.length} loaded
      </button>
      <button type="button" className={button} onClick={clear} disabled={ids.length === 0}>
        Clear selection
      </button>
      <button type="button" className={button} disabled={!canCompare} onClick={() => setComparing(true)} title="Select 2 to 4 images">
        Compare
      </button>
      <button type="button" className={button} disabled={ids.length === 0} onClick={() => ids.forEach((id) => favorite.mutate({ id, favorite: true }))}>
        ★ Favourite
      </button>
      <button
        type="button"
        className={`${button} text-red-800`}
        disabled={ids.length === 0 || remove.isPending}
        onClick={() => remove.mutate(ids, { onSuccess: (done) => done && clear() })}
      >
        Delete…
      </button>
      {/* A plain form post: the browser streams the ZIP straight to a download. */}
      <form method="post" action="/api/images/zip">
        <input type="hidden" name="imageIds" value={ids.join(",")} />
        <button type="submit" className={button} disabled={ids.length === 0}>
          Download ZIP
        </button>
      </form>
      <button
        type="button"
        className="rounded-md bg-neutral-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-neutral-700 disabled:bg-neutral-300"
        onClick={() => setSharing(true)}
        disabled={ids.length === 0}
      >
        Share…
      </button>
      {comparing && canCompare && <CompareDialog items={ids.map((id) => itemsById.get(id)).filter((x): x is GalleryItem => Boolean(x))} onClose={() => setComparing(false)} />}
      {sharing && <CreateShareDialog imageIds={ids} onClose={() => setSharing(false)} onCreated={clear} />}
    </div>
  );
}
