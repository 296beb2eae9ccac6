import "server-only";
import { eq, getTableColumns, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Queryable } from "@/lib/db/client";
import { images, jobs, type ImageRow } from "@/lib/db/schema";

/** An image with the job facts the gallery shows beside it. */
export interface GalleryRow extends ImageRow {
  taskType: string;
  prompt: string | null;
  quality: string | null;
}

/**
 * The cursor carries created_at as Postgres prints it with microseconds: a JS Date keeps only
 * milliseconds, and a truncated key would skip or repeat rows created in the same millisecond.
 */
const cursorSchema = z.object({
  t: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  id: z.uuid(),
});
type Cursor = z.infer<typeof cursorSchema>;

// The spend summary lives in its own file; exported here too because the gallery shows it.
export { spendSummary, type SpendRow } from "@/lib/db/spend-queries";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const createdAtKey = sql<string>`to_char(${images.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const galleryColumns = {
  ...getTableColumns(images),
  taskType: jobs.taskType,
  prompt: jobs.prompt,
  quality: sql<string | null>`${jobs.params}->>'quality'`,
};

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new AppError("invalid_request", "cursor is not valid", {
      fields: [{ field: "cursor", message: "cursor is not valid" }],
    });
  }
}

function withoutKey(row: GalleryRow & { key?: string }): GalleryRow {
  const copy = { ...row };
  delete copy.key;
  return copy;
}

/** Images newest first; keyset pagination on (created_at desc, id desc). */
export async function listGallery(
  db: Queryable,
  opts: { cursor?: string; limit: number },
): Promise<{ rows: GalleryRow[]; nextCursor: string | null }> {
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  // The route validates `limit`; clamping here keeps a bad value from scanning the whole table.
  const limit = Number.isFinite(opts.limit) ? Math.min(500, Math.max(1, Math.floor(opts.limit))) : 50;
  const found = await db
    .select({ ...galleryColumns, key: createdAtKey })
    .from(images)
    .innerJoin(jobs, eq(jobs.id, images.jobId))
    .where(
      after
        ? sql`(${images.createdAt}, ${images.id}) < (${after.t}::timestamptz, ${after.id}::uuid)`
        : undefined,
    )
    // NULLS LAST matches images_gallery_idx exactly, so Postgres walks the index instead of sorting.
    .orderBy(sql`${images.createdAt} desc nulls last`, sql`${images.id} desc nulls last`)
    .limit(limit + 1);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = found.length > limit && last ? encodeCursor({ t: last.key, id: last.id }) : null;
  return { rows: page.map(withoutKey), nextCursor };
}

/** One image with its job facts; null for an unknown or malformed id. */
export async function getImage(db: Queryable, id: string): Promise<GalleryRow | null> {
  if (!UUID_RE.test(id)) return null;
  const [row] = await db
    .select(galleryColumns)
    .from(images)
    .innerJoin(jobs, eq(jobs.id, images.jobId))
    .where(eq(images.id, id))
    .limit(1);
  return row ?? null;
}
