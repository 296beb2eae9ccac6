import "server-only";
/**
 * Deleting images: the rows go (and with them their place in any share: a shared gallery shows
 * one image fewer, never a broken one), then each blob goes only when no remaining image still
 * points at it. Rows first, blobs after: a crash in between leaves an orphan file, never a row
 * whose file is gone.
 */
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { blobKeysInUse, countSharesHolding, deleteImageRows } from "@/lib/db/image-bulk-queries";
import { log } from "@/lib/log";
import { getBlobStore } from "@/lib/storage";
import { imageIdsBody } from "@/lib/gallery/image-ids";

/** `{ "imageIds": [...], "dryRun"?: true }` (POST /api/images/delete). */
export const deleteImagesBody = imageIdsBody.extend({ dryRun: z.boolean({ error: "dryRun must be true or false" }).optional() });

/** How many shares hold these images (the confirmation says so before anything is deleted). */
export async function sharesUsing(ids: string[]): Promise<number> {
  return countSharesHolding(await getDb(), ids);
}

export async function deleteImages(ids: string[]): Promise<{ deleted: number; blobsRemoved: number }> {
  const db = await getDb();
  const gone = await deleteImageRows(db, ids);
  const keys = [...new Set(gone.flatMap((g) => [g.blobKey, g.thumbKey]))];
  if (keys.length === 0) return { deleted: 0, blobsRemoved: 0 };
  const used = await blobKeysInUse(db, keys);
  let removed = 0;
  for (const key of keys) {
    if (used.has(key)) continue;
    try {
      await getBlobStore().delete(key);
      removed++;
    } catch (error) {
      log("warn", "images.blob_delete_failed", { key, error });
    }
  }
  return { deleted: gone.length, blobsRemoved: removed };
}
