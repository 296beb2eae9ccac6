import "server-only";
import { z } from "zod";
import { validationFailed } from "@/lib/field-errors";
import { GALLERY_SORTS, isRealDate } from "@/lib/db/gallery-query-filter";

/**
 * The gallery's page cursor: opaque base64url JSON to the client, so anything may come back in
 * it. It carries created_at as Postgres prints it with microseconds (a JS Date keeps only
 * milliseconds, and a truncated key would skip or repeat rows created in the same millisecond),
 * which goes into the query as a timestamptz: a timestamp Postgres cannot read (30 February,
 * hour 25) used to fail the query with a 500, so it is checked here field by field.
 */
const TIMESTAMP_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

export function isCursorTimestamp(t: string): boolean {
  const m = TIMESTAMP_RE.exec(t);
  return m !== null && isRealDate(m[1]) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60;
}

const cursorSchema = z.object({
  t: z.string().refine(isCursorTimestamp),
  id: z.uuid(),
  /** The sort the cursor was made for, and the cost key of the "cost" sort. */
  s: z.enum(GALLERY_SORTS).optional(),
  c: z.number().int().optional(),
});
export type GalleryCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(c: GalleryCursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

/** The cursor a page handed out, or a 422 naming `cursor` for anything else. */
export function decodeCursor(raw: string): GalleryCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (result.success) return result.data;
  throw validationFailed([{ field: "cursor", message: "cursor is not valid" }]);
}
