"use client";

import type { ImageValue } from "@/lib/playground-form/draft-types";

/**
 * Loads an image of ours (a result or a stored input) as a form value. An empty
 * `sourceImageId` claims no lineage; kind "mask" reads the pixels without colour management.
 */
export type LoadImage = (url: string, sourceImageId: string, kind?: "image" | "mask") => Promise<ImageValue>;

/** imageFromGallery, imported on first use so the image-processing code stays out of the first load. */
export const loadGalleryImage: LoadImage = async (url, sourceImageId, kind) => {
  const { imageFromGallery } = await import("@/lib/browser-images/from-gallery");
  return imageFromGallery(url, sourceImageId, { kind });
};
