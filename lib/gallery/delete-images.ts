import "server-only";
/**
 * Deleting images: the rows go (and with them their place in any share: a shared gallery shows
 * one image fewer, never a broken one), then each blob goes only when no remaining image still
 * points at it. Rows first, blobs after: a crash in between leaves an orphan file, never a row
 * whose file is gone.
 */
import { inArray, or, sql } from "drizzle-orm";
import { images, shareImages } from "@/lib/db/schema";
import { getRuntime } from "@/lib/jobs/runtime";
import { log } from "@/lib/log";
import { getBlobStore } from "@/lib/storage";

/** How many shares hold these images (the confirmation says so before anything is deleted). */
export async function sharesUsing(ids: string[]): Promise<number> {
  const { db } = await getRuntime();
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${shareImages.shareId})`.mapWith(Number) })
    .from(shareImages)
    .where(inArray(shareImages.imageId, ids));
  return row?.n ?? 0;
}

export async function deleteImages(ids: string[]): Promise<{ deleted: number; blobsRemoved: number }> {
  const { db } = await getRuntime();
  const gone = await db.delete(images).where(inArray(images.id, ids)).returning({ blobKey: images.blobKey, thumbKey: images.thumbKey });
  const keys = [...new Set(gone.flatMap((g) => [g.blobKey, g.thumbKey]))];
  if (keys.length === 0) return { deleted: 0, blobsRemoved: 0 };
  const stillUsed = await db
    .select({ blobKey: images.blobKey, thumbKey: images.thumbKey })
    .from(images)
    .where(or(inArray(images.blobKey, keys), inArray(images.thumbKey, keys)));
  const used = new Set(stillUsed.flatMap((r) => [r.blobKey, r.thumbKey]));
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
