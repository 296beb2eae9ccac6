/**
 * The `imageIds` of a bulk request (delete, ZIP, favourite, share by id): a JSON list, or the
 * comma-separated value of a plain form post. Deduplicated and lower-cased; at most
 * BULK_MAX_IMAGES. Messages name the field and the limit.
 */
import { AppError } from "@/lib/errors";
import { BULK_MAX_IMAGES } from "@/lib/gallery/bulk-limit";
import { isUuid } from "@/lib/ids";
import { describeValue } from "@/lib/models/schemas/describe-value";

export function parseImageIds(raw: unknown): string[] {
  const fail = (m: string) => new AppError("validation_failed", m, { fields: [{ field: "imageIds", message: m }] });
  const list: unknown[] | null = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : null;
  if (!list) throw fail("imageIds must be a list of image ids");
  // Checked before any String(): an object item is the client's code (`{"toString":1}` threw a 500).
  const notText = list.findIndex((x) => typeof x !== "string");
  if (notText >= 0) throw fail(`imageIds[${notText}] must be an image id as text (got ${describeValue(list[notText])})`);
  const ids = [...new Set((list as string[]).map((x) => x.trim().toLowerCase()).filter(Boolean))];
  if (ids.length === 0) throw fail("imageIds must name at least 1 image");
  if (ids.length > BULK_MAX_IMAGES) throw fail(`imageIds must name at most ${BULK_MAX_IMAGES} images (got ${ids.length})`);
  const bad = ids.find((id) => !isUuid(id));
  if (bad) throw fail(`imageIds holds ${describeValue(bad)}, which is not an image id`);
  return ids;
}
