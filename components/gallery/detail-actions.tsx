"use client";

import { useState } from "react";
import type { GalleryItem } from "@/lib/api-types";
import { useDeleteImages } from "@/lib/queries/use-delete-images";

const button = "rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100";

/** Favourite, copy the prompt, delete (after a confirmation) for the image shown large. */
export function DetailActions({ item, onFavorite, onDeleted }: { item: GalleryItem; onFavorite: (favorite: boolean) => void; onDeleted: () => void }) {
  const [copied, setCopied] = useState(false);
  const remove = useDeleteImages();
  return (
    <>
      <button type="button" className={button} aria-pressed={item.favorite} onClick={() => onFavorite(!item.favorite)}>
        {item.favorite ? "★ Favourite" : "☆ Favourite"}
      </button>
      {item.prompt && (
        <button
          type="button"
          className={button}
          onClick={() =>
            void navigator.clipboard.writeText(item.prompt ?? "").then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? "Prompt copied" : "Copy prompt"}
        </button>
      )}
      <button type="button" className={`${button} text-red-800`} disabled={remove.isPending} onClick={() => remove.mutate([item.id], { onSuccess: (done) => done && onDeleted() })}>
        Delete…
      </button>
    </>
  );
}
