import "server-only";
import { eq, inArray, or, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { images, jobs, shareImages, type ImageRow } from "@/lib/db/schema";

/** The queries of the gallery's bulk actions on chosen images (lib/gallery: delete, ZIP). */

/** How many distinct shares hold any of these images. */
export async function countSharesHolding(db: Queryable, ids: string[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${shareImages.shareId})`.mapWith(Number) })
    .from(shareImages)
    .where(inArray(shareImages.imageId, ids));
  return row?.n ?? 0;
}

/** Deletes the image rows (their share places go with them); returns the blob keys they held. */
export async function deleteImageRows(db: Queryable, ids: string[]): Promise<{ blobKey: string; thumbKey: string }[]> {
  return db.delete(images).where(inArray(images.id, ids)).returning({ blobKey: images.blobKey, thumbKey: images.thumbKey });
}

/** Which of these blob keys a remaining image still points at (as its file or its thumbnail). */
export async function blobKeysInUse(db: Queryable, keys: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ blobKey: images.blobKey, thumbKey: images.thumbKey })
    .from(images)
    .where(or(inArray(images.blobKey, keys), inArray(images.thumbKey, keys)));
  return new Set(rows.flatMap((r) => [r.blobKey, r.thumbKey]));
}

export interface ExportRow {
  image: ImageRow;
  taskType: string;
  /** The model id of the job that made it. */
  model: string;
  prompt: string | null;
  params: Record<string, unknown>;
}

/** The images with the job facts a ZIP's images.json records, in no particular order. */
export async function listImagesForExport(db: Queryable, ids: string[]): Promise<ExportRow[]> {
  return db
    .select({ image: images, taskType: jobs.taskType, model: jobs.model, prompt: jobs.prompt, params: jobs.params })
    .from(images)
    .innerJoin(jobs, eq(jobs.id, images.jobId))
    .where(inArray(images.id, ids));
}
