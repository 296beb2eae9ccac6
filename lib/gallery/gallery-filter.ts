/**
 * The gallery's filters, search and sort, as URL query parameters (so a filtered view survives a
 * reload and can be bookmarked). One parser for the API and the page; messages name the field
 * and the limit.
 */
import { z } from "zod";
import type { FieldError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/field-errors";
import { TASK_TYPES, type TaskType } from "@/lib/models/task-types";
import { refineStorableText } from "@/lib/text/storable-text";
import { DATE_RE, GALLERY_SORTS, isRealDate, type GalleryQueryFilter, type GallerySort } from "@/lib/db/gallery-query-filter";

export { GALLERY_SORTS, isRealDate, nextDay, type GallerySort } from "@/lib/db/gallery-query-filter";

export const SORT_LABELS: Record<GallerySort, string> = { newest: "Newest first", oldest: "Oldest first", cost: "Most expensive first" };
export const QUALITIES = ["standard", "premium"] as const;
export const SEARCH_MAX = 200;
/** A model id as the gateway spells them ("amazon.nova-canvas-v1:0", "flux-2-klein-4b"). */
export const MODEL_ID_MAX = 100;
export const MODEL_ID_RE = /^[A-Za-z0-9._:-]+$/;

/** The filter the page and the API parse to; the queries take it as a GalleryQueryFilter. */
export interface GalleryFilter extends GalleryQueryFilter {
  task?: TaskType;
  quality?: (typeof QUALITIES)[number];
}

/**
 * The last day `to` may be: the query ends a "to" day at the start of the next one, and the day
 * after 9999-12-31 has a five-digit year that neither YYYY-MM-DD nor the database cast accepts.
 */
export const LAST_TO_DATE = "9999-12-30";

const date = (name: string, latest?: string) =>
  z.string().superRefine((d, ctx) => {
    // One message per mistake: the format first, then whether the day exists, then the range.
    if (!DATE_RE.test(d)) ctx.addIssue({ code: "custom", message: `${name} must be a date as YYYY-MM-DD` });
    else if (!isRealDate(d)) ctx.addIssue({ code: "custom", message: `${name} must be a real date` });
    else if (latest && d > latest) ctx.addIssue({ code: "custom", message: `${name} must be on or before ${latest}` });
  });

// Any id of that shape is accepted, not only the models on offer now: history keeps the ids of
// retired models, and a filter for a model with no images is simply an empty view.
const modelId = z.string().superRefine((m, ctx) => {
  if (m.length > MODEL_ID_MAX) ctx.addIssue({ code: "custom", message: `model must be at most ${MODEL_ID_MAX} characters` });
  else if (!MODEL_ID_RE.test(m)) ctx.addIssue({ code: "custom", message: "model must be a model id: letters, digits and . _ : - only" });
});

const schema = z
  .object({
    task: z.enum(TASK_TYPES, { error: `task must be one of ${TASK_TYPES.join(", ")}` }).optional(),
    model: modelId.optional(),
    favorites: z.enum(["1", "true"], { error: "favorites must be 1" }).optional(),
    quality: z.enum(QUALITIES, { error: `quality must be one of ${QUALITIES.join(", ")}` }).optional(),
    from: date("from").optional(),
    to: date("to", LAST_TO_DATE).optional(),
    // The storable-text check runs before trimming, so its position counts from what was sent.
    q: z.string().superRefine(refineStorableText("q")).trim().max(SEARCH_MAX, `q must be at most ${SEARCH_MAX} characters`).optional(),
    sort: z.enum(GALLERY_SORTS, { error: `sort must be one of ${GALLERY_SORTS.join(", ")}` }).optional(),
  })
  .refine((v) => !v.from || !v.to || !isRealDate(v.from) || !isRealDate(v.to) || v.from <= v.to, { message: "from must not be after to", path: ["from"] });

export type FilterResult = { ok: true; filter: GalleryFilter } | { ok: false; errors: FieldError[] };

const KEYS = ["task", "model", "favorites", "quality", "from", "to", "q", "sort"] as const;

export function parseGalleryFilter(params: URLSearchParams): FilterResult {
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v !== null && v !== "") raw[k] = v;
  }
  const r = schema.safeParse(raw);
  if (!r.success) return { ok: false, errors: toFieldErrors(r.error.issues) };
  const v = r.data;
  return {
    ok: true,
    filter: {
      ...(v.task ? { task: v.task } : {}),
      ...(v.model ? { model: v.model } : {}),
      ...(v.favorites ? { favorites: true } : {}),
      ...(v.quality ? { quality: v.quality } : {}),
      ...(v.from ? { from: v.from } : {}),
      ...(v.to ? { to: v.to } : {}),
      ...(v.q ? { q: v.q } : {}),
      sort: v.sort ?? "newest",
    },
  };
}

/** The query string of a filter (defaults left out, so the plain gallery is just /gallery). */
export function galleryFilterParams(f: GalleryFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.task) p.set("task", f.task);
  if (f.model) p.set("model", f.model);
  if (f.favorites) p.set("favorites", "1");
  if (f.quality) p.set("quality", f.quality);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (f.q) p.set("q", f.q);
  if (f.sort !== "newest") p.set("sort", f.sort);
  return p;
}

export function isFiltered(f: GalleryFilter): boolean {
  return Boolean(f.task || f.model || f.favorites || f.quality || f.from || f.to || f.q);
}
