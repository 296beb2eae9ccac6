"use client";

import { useState } from "react";
import type { GalleryItem } from "@/lib/api-types";

const button = "rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100";

/** Favourite and copy-the-prompt for the image shown large. */
export function DetailActions({ item, onFavorite }: { item: GalleryItem; onFavorite: (favorite: boolean) => void }) {
  const [copied, setCopied] = useState(false);
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
    </>
  );
}
