"use client";

import { lazyClient } from "@/components/ui/lazy-client";

/** Shown while the image picker's code loads (it is kept out of the playground's first load). */
const placeholder = <div aria-hidden="true" className="h-28 animate-pulse rounded-md border border-dashed border-neutral-300 bg-neutral-50" />;

export const LazyImageInput = lazyClient(() => import("@/components/image-input/image-input").then((m) => m.ImageInput), placeholder);

export const LazyMultiImageInput = lazyClient(
  () => import("@/components/image-input/multi-image-input").then((m) => m.MultiImageInput),
  placeholder,
);

export const LazyMaskOverlay = lazyClient(() => import("@/components/image-input/mask-overlay").then((m) => m.MaskOverlay), placeholder);
