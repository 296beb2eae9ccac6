/**
 * The `imageIds` of a bulk request (delete, ZIP, favourite, share by id): a JSON list, or the
 * comma-separated value of a plain form post. Deduplicated and lower-cased; at most
 * BULK_MAX_IMAGES. Messages name the field and the limit.
 */
import { AppError } from "@/lib/errors";
import { BULK_MAX_IMAGES } from "@/lib/gallery/bulk-limit";
import { isUuid } from "@/lib/ids";

export function parseImageIds(raw: unknown): string[] {
  const fail = (m: string) => new AppError("validation_failed", m, { fields: [{ field: "imageIds", message: m }] });
  const list = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : null;
  if (!list) throw fail("imageIds must be a list of image ids");
  const ids = [...new Set(list.map((x) => String(x).trim().toLowerCase()).filter(Boolean))];
  if (ids.length === 0) throw fail("imageIds must name at least 1 image");
  if (ids.length > BULK_MAX_IMAGES) throw fail(`imageIds must name at most ${BULK_MAX_IMAGES} images (got ${ids.length})`);
  const bad = ids.find((id) => !isUuid(id));
  if (bad) throw fail(`imageIds holds "${bad.slice(0, 40)}", which is not an image id`);
  return ids;
}
