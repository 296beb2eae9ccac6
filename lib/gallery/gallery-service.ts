import "server-only";
import { z } from "zod";
import type { GalleryIds, GalleryItem, GalleryPage, ImageLineage } from "@/lib/api-types";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/db/client";
import { getImage, listGallery, listGalleryIds, setFavorite, setFavorites, type GalleryRow } from "@/lib/db/gallery-queries";
import { imageLineage } from "@/lib/db/lineage-queries";
import { BULK_MAX_IMAGES } from "@/lib/gallery/bulk-limit";
import { imageIdsBody } from "@/lib/gallery/image-ids";
import { parseBodyValue } from "@/lib/http/parse-body";
import type { GalleryFilter } from "@/lib/gallery/gallery-filter";
import { getInput } from "@/lib/db/input-queries";
import { getBlobStore } from "@/lib/storage";
import type { ImageFile } from "@/lib/http/image-response";
import { toApiImage } from "@/lib/jobs/serialize";

export async function readGalleryPage(opts: { cursor?: string; limit: number; filter?: GalleryFilter }): Promise<GalleryPage> {
  const db = await getDb();
  const { rows, nextCursor } = await listGallery(db, opts);
  return {
    items: rows.map(toGalleryItem),
    nextCursor,
  };
}

function toGalleryItem(r: GalleryRow): GalleryItem {
  return { ...toApiImage(r), taskType: r.taskType, model: r.model, prompt: r.prompt, quality: r.quality };
}

/** Every image id the filter matches, in its order, up to the most one bulk action takes. */
export async function readGalleryIds(filter: GalleryFilter): Promise<GalleryIds> {
  const db = await getDb();
  const { ids, total } = await listGalleryIds(db, filter, BULK_MAX_IMAGES);
  return { ids, total, max: BULK_MAX_IMAGES };
}

/** The images this one was made from and the images made from it. */
export async function readLineage(id: string): Promise<ImageLineage> {
  const db = await getDb();
  const image = await getImage(db, id);
  if (!image) throw new AppError("not_found", "No image with this id.");
  const { parents, children } = await imageLineage(db, image);
  return { parents: parents.map(toGalleryItem), children: children.map(toGalleryItem) };
}

const favorite = z.boolean({ error: "favorite must be true or false" });
const favoritesBody = imageIdsBody.extend({ favorite });
const imageEditBody = z.object({ favorite }, { error: "request body must be a JSON object" }).strict();

/** `{ "imageIds": [...], "favorite": true | false }`: stars or unstars them all in one write. */
export async function updateFavorites(body: unknown): Promise<{ updated: number; favorite: boolean }> {
  const input = parseBodyValue(favoritesBody, body);
  const db = await getDb();
  return { updated: await setFavorites(db, input.imageIds, input.favorite), favorite: input.favorite };
}

/** An image or its thumbnail, streamed from the blob store, with the content type recorded at copy time. */
export async function readImageFile(id: string, variant: "file" | "thumb"): Promise<ImageFile> {
  const db = await getDb();
  const row = await getImage(db, id);
  if (!row) throw new AppError("not_found", "No image with this id.");
  const key = variant === "file" ? row.blobKey : row.thumbKey;
  const blob = await getBlobStore().getStream(key);
  if (!blob) throw new AppError("not_found", "The image file is missing from storage.");
  const contentType = variant === "file" ? row.contentType : "image/webp";
  const ext = key.split(".").pop();
  return { ...blob, contentType, name: `nova-${row.jobId.slice(0, 8)}-${row.index + 1}.${ext}` };
}

/** An input image by content hash (inputs are content-addressed, so the URL never changes). */
export async function readInputFile(sha256: string): Promise<ImageFile> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError("not_found", "No input image with this hash.");
  const db = await getDb();
  const row = await getInput(db, sha256);
  const blob = row ? await getBlobStore().getStream(row.blobKey) : null;
  if (!row || !blob) throw new AppError("not_found", "No input image with this hash.");
  return { ...blob, contentType: row.contentType, name: `input-${sha256.slice(0, 12)}.${row.blobKey.split(".").pop()}` };
}

/** Marks an image as a favourite or not; the body is `{ "favorite": true | false }`, nothing else. */
export async function updateImage(id: string, body: unknown): Promise<{ id: string; favorite: boolean }> {
  const input = parseBodyValue(imageEditBody, body, { unknownFieldMessage: (key) => `${key} is not an image field (favorite is the only one)` });
  const db = await getDb();
  if (!(await setFavorite(db, id, input.favorite))) throw new AppError("not_found", "No image with this id.");
  return { id, favorite: input.favorite };
}
