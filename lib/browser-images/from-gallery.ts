/**
 * One of our own results as an input: fetched from our storage (same origin, no CORS question)
 * and prepared like any upload, keeping `sourceImageId` so the job records the lineage.
 */
import type { ImageKind, ImageValue } from "@/lib/browser-images/image-value";
import { ImageLoadError } from "@/lib/browser-images/load-image";
import { prepareImage, type PreparedImage } from "@/lib/browser-images/prepare";

export function galleryFileUrl(id: string): string {
  return `/api/images/${encodeURIComponent(id)}/file`;
}

async function fetchOwn(url: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    throw new ImageLoadError("Could not reach the server to load the gallery image. Check your connection and try again.");
  }
  if (!res.ok) throw new ImageLoadError(res.status === 404 ? "That gallery image no longer exists." : `Could not load the gallery image (${res.status}).`);
  return res.blob();
}

/** A gallery result by id, prepared (value, notices, issues) like any upload. */
export async function loadGalleryImage(id: string, o: { kind?: ImageKind; field?: string } = {}): Promise<PreparedImage> {
  return prepareImage(await fetchOwn(galleryFileUrl(id)), { name: "gallery image", sourceImageId: id, kind: o.kind, field: o.field });
}

/**
 * Any of our own image URLs (a result's /api/images/{id}/file, a stored input's /api/inputs/{sha})
 * as a value, for "use as input" and "reuse parameters". `sourceImageId` "" claims no lineage.
 * Pass kind "mask" for a mask, so its pixels are read without colour management.
 */
export async function imageFromGallery(url: string, sourceImageId: string, o: { kind?: ImageKind } = {}): Promise<ImageValue> {
  const name = sourceImageId ? "gallery image" : "stored input";
  const { value } = await prepareImage(await fetchOwn(url), { name, kind: o.kind, ...(sourceImageId ? { sourceImageId } : {}) });
  return value;
}
