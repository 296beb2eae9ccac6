"use client";

import { ControlStandIn } from "@/components/playground/control-stand-in";
import { lazyClient } from "@/components/ui/lazy-client";

/** Shown while the image picker's code loads (it is kept out of the playground's first load). */
const placeholder = (
  <ControlStandIn aria-hidden="true" className="h-28 animate-pulse rounded-md border border-dashed border-neutral-300 bg-neutral-50" />
);

export const LazyImageInput = lazyClient(() => import("@/components/image-input/image-input").then((m) => m.ImageInput), placeholder);

export const LazyMultiImageInput = lazyClient(
  () => import("@/components/image-input/multi-image-input").then((m) => m.MultiImageInput),
  placeholder,
);

/**
 * The overlay's stand-in takes the overlay's final size (caption row + the image at its aspect
 * ratio, capped like the overlay at 28rem high), so the Run button does not jump when it loads.
 */
export const LazyMaskOverlay = lazyClient(
  () => import("@/components/image-input/mask-overlay").then((m) => m.MaskOverlay),
  ({ image }: { image: { width: number; height: number } }) => (
    <ControlStandIn aria-hidden="true" className="flex flex-col gap-2">
      <div className="h-7" />
      <div
        className="mx-auto max-h-[28rem] max-w-full animate-pulse rounded-md border border-neutral-200 bg-neutral-100"
        style={{ aspectRatio: `${image.width} / ${image.height}`, width: `min(100%, calc(28rem * ${image.width / image.height}))` }}
      />
    </ControlStandIn>
  ),
);
