"use client";

import { useState } from "react";
import { ImageDialog, type DialogImage } from "@/components/ui/image-dialog";
import { PlainImg } from "@/components/ui/plain-img";
import type { ApiImage } from "@/lib/api-types";
import { formatDollars, formatPixels } from "@/lib/client/format";

function describe(image: ApiImage): string[] {
  return [
    `Seed ${image.seed ?? "—"}`,
    formatPixels(image.width, image.height),
    formatDollars(image.costUsd),
  ];
}

function toDialogImage(image: ApiImage, prompt: string | null): DialogImage {
  const ext = image.contentType === "image/jpeg" ? "jpg" : "png";
  return {
    url: image.url,
    width: image.width,
    height: image.height,
    alt: prompt ? `Result ${image.index + 1}: ${prompt}` : `Result ${image.index + 1}`,
    details: describe(image),
    downloadName: `nova-canvas-${image.jobId.slice(0, 8)}-${image.index + 1}-seed${image.seed ?? "x"}.${ext}`,
  };
}

/** The thumbnails of a finished job; each opens the large view. */
export function ResultImages({ images, prompt }: { images: ApiImage[]; prompt: string | null }) {
  const [open, setOpen] = useState<ApiImage | null>(null);
  return (
    <>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {images.map((image) => (
          <li key={image.id} className="flex flex-col gap-1">
            <button
              type="button"
              onClick={() => setOpen(image)}
              aria-label={`Open result ${image.index + 1} (seed ${image.seed ?? "unknown"}) in large view`}
              className="overflow-hidden rounded-md border border-neutral-200 bg-neutral-100"
            >
              <PlainImg
                data-testid="result-image"
                src={image.thumbUrl}
                alt={prompt ? `Result ${image.index + 1}: ${prompt}` : `Result ${image.index + 1}`}
                width={image.width}
                height={image.height}
                className="aspect-square h-auto w-full object-contain"
              />
            </button>
            <p className="text-xs text-neutral-600">{describe(image).join(" · ")}</p>
          </li>
        ))}
      </ul>
      {open && <ImageDialog image={toDialogImage(open, prompt)} onClose={() => setOpen(null)} />}
    </>
  );
}
