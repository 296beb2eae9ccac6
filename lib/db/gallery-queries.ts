import "server-only";
import { and, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import { validationFailed } from "@/lib/field-errors";
import type { Queryable } from "@/lib/db/client";
import { images, jobs, type ImageRow } from "@/lib/db/schema";
import { decodeCursor, encodeCursor, type GalleryCursor as Cursor } from "@/lib/db/gallery-cursor";
import { nextDay, type GalleryQueryFilter as GalleryFilter } from "@/lib/db/gallery-query-filter";
import { isUuid } from "@/lib/ids";

/** An image with the job facts the gallery shows beside it. */
export interface GalleryRow extends ImageRow {
  taskType: string;
  /** The model id of the job that made the image. */
  model: string;
  prompt: string | null;
  quality: string | null;
}

// The spend summary lives in its own file; exported here too because the gallery shows it.

/** created_at as the cursor carries it (see gallery-cursor.ts): Postgres's own text, with microseconds. */
const createdAtKey = sql<string>`to_char(${images.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const galleryColumns = {
  ...getTableColumns(images),
  taskType: jobs.taskType,
  model: jobs.model,
  prompt: jobs.prompt,
  quality: sql<string | null>`${jobs.params}->>'quality'`,
};

function withoutKey(row: GalleryRow & { key?: string }): GalleryRow {
  const copy = { ...row };
  delete copy.key;
  return copy;
}

/** The WHERE conditions of a filter (all ANDed); prompt search is case-insensitive. */
function filterConditions(f: GalleryFilter): SQL[] {
  const out: SQL[] = [];
  if (f.task) out.push(sql`${jobs.taskType} = ${f.task}`);
  if (f.model) out.push(sql`${jobs.model} = ${f.model}`);
  if (f.favorites) out.push(sql`${images.favorite}`);
  if (f.quality) out.push(sql`coalesce(${jobs.params}->>'quality', 'standard') = ${f.quality}`);
  if (f.from) out.push(sql`${images.createdAt} >= ${`${f.from}T00:00:00Z`}::timestamptz`);
  // The day after, computed here: "+ interval '1 day'" would follow the session's time zone
  // across a DST change and cut a UTC day an hour short or long.
  if (f.to) out.push(sql`${images.createdAt} < ${`${nextDay(f.to)}T00:00:00Z`}::timestamptz`);
  if (f.q) {
    // ILIKE with the pattern's own wildcards escaped: "50%" searches for "50%".
    const pattern = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    out.push(sql`${jobs.prompt} ilike ${pattern}`);
  }
  return out;
}

const ORDER: Record<GalleryFilter["sort"], SQL[]> = {
  // NULLS LAST matches images_gallery_idx exactly, so Postgres walks the index instead of sorting.
  newest: [sql`${images.createdAt} desc nulls last`, sql`${images.id} desc nulls last`],
  oldest: [sql`${images.createdAt} asc nulls first`, sql`${images.id} asc nulls first`],
  cost: [sql`${images.costMicros} desc`, sql`${images.createdAt} desc nulls last`, sql`${images.id} desc nulls last`],
};

function afterCursor(sort: GalleryFilter["sort"], c: Cursor): SQL {
  if (sort === "oldest") return sql`(${images.createdAt}, ${images.id}) > (${c.t}::timestamptz, ${c.id}::uuid)`;
  if (sort === "cost") return sql`(${images.costMicros}, ${images.createdAt}, ${images.id}) < (${c.c ?? 0}, ${c.t}::timestamptz, ${c.id}::uuid)`;
  return sql`(${images.createdAt}, ${images.id}) < (${c.t}::timestamptz, ${c.id}::uuid)`;
}

/**
 * A page of images in the filter's sort (newest first by default); keyset pagination on the
 * sort's key, so pages stay fast and stable at any depth. A cursor only continues the sort it was
 * made for.
 */
export async function listGallery(
  db: Queryable,
  opts: { cursor?: string; limit: number; filter?: GalleryFilter },
): Promise<{ rows: GalleryRow[]; nextCursor: string | null }> {
  const filter = opts.filter ?? { sort: "newest" };
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (after && (after.s ?? "newest") !== filter.sort) {
    throw validationFailed([{ field: "cursor", message: "cursor belongs to another sort order" }]);
  }
  // The route validates `limit`; clamping here keeps a bad value from scanning the whole table.
  const limit = Number.isFinite(opts.limit) ? Math.min(500, Math.max(1, Math.floor(opts.limit))) : 50;
  const conditions = filterConditions(filter);
  if (after) conditions.push(afterCursor(filter.sort, after));
  const found = await db
    .select({ ...galleryColumns, key: createdAtKey })
    .from(images)
    .innerJoin(jobs, eq(jobs.id, images.jobId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(...ORDER[filter.sort])
    .limit(limit + 1);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    found.length > limit && last ? encodeCursor({ t: last.key, id: last.id, ...(filter.sort !== "newest" ? { s: filter.sort } : {}), ...(filter.sort === "cost" ? { c: last.costMicros } : {}) }) : null;
  return { rows: page.map(withoutKey), nextCursor };
}

/**
 * The ids of every image the filter matches, in its sort order, up to `max` (for "select all in
 * this filter" and sharing a filtered view), and how many match in all.
 */
export async function listGalleryIds(db: Queryable, filter: GalleryFilter, max: number): Promise<{ ids: string[]; total: number }> {
  const conditions = filterConditions(filter);
  const where = conditions.length ? and(...conditions) : undefined;
  const [found, [count]] = await Promise.all([
    db.select({ id: images.id }).from(images).innerJoin(jobs, eq(jobs.id, images.jobId)).where(where).orderBy(...ORDER[filter.sort]).limit(max),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(images).innerJoin(jobs, eq(jobs.id, images.jobId)).where(where),
  ]);
  return { ids: found.map((r) => r.id), total: count?.n ?? 0 };
}

/** Stars or unstars many images at once; returns how many exist (unknown ids are skipped). */
export async function setFavorites(db: Queryable, ids: string[], favorite: boolean): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.update(images).set({ favorite }).where(inArray(images.id, ids)).returning({ id: images.id });
  return rows.length;
}

export async function setFavorite(db: Queryable, id: string, favorite: boolean): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await db.update(images).set({ favorite }).where(eq(images.id, id)).returning({ id: images.id });
  return rows.length > 0;
}

/** One image with its job facts; null for an unknown or malformed id. */
export async function getImage(db: Queryable, id: string): Promise<GalleryRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select(galleryColumns)
    .from(images)
    .innerJoin(jobs, eq(jobs.id, images.jobId))
    .where(eq(images.id, id))
    .limit(1);
  return row ?? null;
}
