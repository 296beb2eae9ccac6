/**
 * The `imageIds` of a bulk request (delete, ZIP, favourite, share by id): a JSON list, or the
 * comma-separated value of a plain form post. Deduplicated and lower-cased; at most
 * BULK_MAX_IMAGES. Messages name the field and the limit.
 */
import { z } from "zod";
import { validationFailed } from "@/lib/field-errors";
import { BULK_MAX_IMAGES } from "@/lib/gallery/bulk-limit";
import { isUuid } from "@/lib/ids";
import { describeValue } from "@/lib/models/rules/describe-value";

/** The ids, or the one message saying what is wrong with them. */
function checkImageIds(raw: unknown): { ids: string[] } | { problem: string } {
  const list: unknown[] | null = Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(",") : null;
  if (!list) return { problem: "imageIds must be a list of image ids" };
  // Checked before any String(): an object item is the client's code (`{"toString":1}` threw a 500).
  const notText = list.findIndex((x) => typeof x !== "string");
  if (notText >= 0) return { problem: `imageIds[${notText}] must be an image id as text (got ${describeValue(list[notText])})` };
  const ids = [...new Set((list as string[]).map((x) => x.trim().toLowerCase()).filter(Boolean))];
  if (ids.length === 0) return { problem: "imageIds must name at least 1 image" };
  if (ids.length > BULK_MAX_IMAGES) return { problem: `imageIds must name at most ${BULK_MAX_IMAGES} images (got ${ids.length})` };
  const bad = ids.find((id) => !isUuid(id));
  if (bad) return { problem: `imageIds holds ${describeValue(bad)}, which is not an image id` };
  return { ids };
}

/** The same rules as a zod field, for a body schema (lib/http/parse-body.ts): `{ imageIds: imageIdsField }`. */
export const imageIdsField = z.unknown().transform((raw, ctx) => {
  const r = checkImageIds(raw);
  if ("ids" in r) return r.ids;
  ctx.addIssue({ code: "custom", message: r.problem });
  return z.NEVER;
});

export function parseImageIds(raw: unknown): string[] {
  const r = checkImageIds(raw);
  if ("ids" in r) return r.ids;
  throw validationFailed([{ field: "imageIds", message: r.problem }]);
}

/** The body of a bulk action on chosen images: `{ "imageIds": [...] }` (JSON or a form's fields). */
export const imageIdsBody = z.object({ imageIds: imageIdsField }, { error: "request body must be a JSON object" });
