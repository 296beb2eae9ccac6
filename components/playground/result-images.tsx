"use client";

import { useState } from "react";
import type { DialogImage } from "@/components/ui/image-dialog";
import { lazyClient } from "@/components/ui/lazy-client";
import { PlainImg } from "@/components/ui/plain-img";
import type { ApiImage } from "@/lib/api-types";
import { formatDollars, formatPixels } from "@/lib/display/format";

// Loaded after the first paint: cards only appear once the runs are fetched anyway.
const UseAsMenu = lazyClient(() => import("@/components/playground/use-as-menu").then((m) => m.UseAsMenu));
const ImageDialog = lazyClient(() => import("@/components/ui/image-dialog").then((m) => m.ImageDialog));

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

/** The thumbnails of a finished job; each opens the large view, and each can feed another task ("Use as…"). */
interface ResultImagesProps {
  images: ApiImage[];
  prompt: string | null;
  /**
   * Load the thumbnails at once: the run just made. Run sits at the bottom of a long form, so the
   * page is often scrolled past the newest card when its images arrive, and lazy loading would
   * wait until it is scrolled back into view.
   */
  eager?: boolean;
}

export function ResultImages({ images, prompt, eager = false }: ResultImagesProps) {
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
                loading={eager ? "eager" : "lazy"}
                alt={prompt ? `Result ${image.index + 1}: ${prompt}` : `Result ${image.index + 1}`}
                width={image.width}
                height={image.height}
                className="aspect-square h-auto w-full object-contain"
              />
            </button>
            <p className="text-xs text-neutral-600">{describe(image).join(" · ")}</p>
            <UseAsMenu image={image} label={`Use result ${image.index + 1} as…`} />
          </li>
        ))}
      </ul>
      {open && (
        <ImageDialog
          image={toDialogImage(open, prompt)}
          onClose={() => setOpen(null)}
          actions={<UseAsMenu image={open} label={`Use result ${open.index + 1} as…`} placement="up" onDone={() => setOpen(null)} />}
        />
      )}
    </>
  );
}
