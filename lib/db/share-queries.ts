import "server-only";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { images, jobs, shareImages, shares, type ImageRow, type NewShareRow, type ShareRow } from "@/lib/db/schema";

export interface ShareWithCount extends ShareRow {
  imageCount: number;
}

/** A shared image with the job facts a share page may show (prompt and params only if allowed). */
export interface SharedImageRow {
  position: number;
  image: ImageRow;
  taskType: string;
  /** The model id of the job that made it. */
  model: string;
  prompt: string | null;
  params: Record<string, unknown>;
}

/** Inserts a share and its images (in the given order) in one transaction. */
export async function insertShare(db: Queryable, row: NewShareRow, imageIds: string[]): Promise<ShareRow> {
  return db.transaction(async (tx) => {
    const [share] = await tx.insert(shares).values(row).returning();
    await tx.insert(shareImages).values(imageIds.map((imageId, position) => ({ shareId: share.id, imageId, position })));
    return share;
  });
}

/** Which of these ids are images we have (a share may only hold existing images). */
export async function existingImageIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: images.id }).from(images).where(inArray(images.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function listShares(db: Queryable): Promise<ShareWithCount[]> {
  const count = sql<number>`(select count(*)::int from ${shareImages} where ${shareImages.shareId} = ${shares.id})`;
  const rows = await db.select({ share: shares, imageCount: count }).from(shares).orderBy(desc(shares.createdAt));
  return rows.map((r) => ({ ...r.share, imageCount: Number(r.imageCount) }));
}

export async function getShare(db: Queryable, id: string): Promise<ShareRow | null> {
  const [row] = await db.select().from(shares).where(eq(shares.id, id)).limit(1);
  return row ?? null;
}

export async function getShareByTokenHash(db: Queryable, tokenHash: string): Promise<ShareRow | null> {
  const [row] = await db.select().from(shares).where(eq(shares.tokenHash, tokenHash)).limit(1);
  return row ?? null;
}

export async function updateShare(db: Queryable, id: string, patch: Partial<NewShareRow>): Promise<ShareRow | null> {
  const [row] = await db
    .update(shares)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(shares.id, id))
    .returning();
  return row ?? null;
}

export async function deleteShare(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.delete(shares).where(eq(shares.id, id)).returning({ id: shares.id });
  return rows.length > 0;
}

export async function countShareView(db: Queryable, id: string): Promise<void> {
  await db
    .update(shares)
    .set({ viewCount: sql`${shares.viewCount} + 1` })
    .where(eq(shares.id, id));
}

export async function listSharedImages(db: Queryable, shareId: string): Promise<SharedImageRow[]> {
  const rows = await db
    .select({ position: shareImages.position, image: images, taskType: jobs.taskType, model: jobs.model, prompt: jobs.prompt, params: jobs.params })
    .from(shareImages)
    .innerJoin(images, eq(images.id, shareImages.imageId))
    .innerJoin(jobs, eq(jobs.id, images.jobId))
    .where(eq(shareImages.shareId, shareId))
    .orderBy(asc(shareImages.position));
  return rows;
}

/**
 * The image at `index` (0-based) in the share's order. By rank, not by stored position: if an
 * image of the share is deleted, the numbering of the page (1..k in order) and of the image URLs
 * stay the same.
 */
export async function getSharedImage(db: Queryable, shareId: string, index: number): Promise<ImageRow | null> {
  const [row] = await db
    .select({ image: images })
    .from(shareImages)
    .innerJoin(images, eq(images.id, shareImages.imageId))
    .where(eq(shareImages.shareId, shareId))
    .orderBy(asc(shareImages.position))
    .offset(index)
    .limit(1);
  return row?.image ?? null;
}
