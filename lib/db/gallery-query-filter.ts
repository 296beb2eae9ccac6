/**
 * What the gallery queries filter and sort by: the sort orders they implement and the calendar
 * dates they take. Browser-safe (no "server-only"): lib/gallery/gallery-filter.ts, the URL
 * parser the page and the API share, builds on it, so lib/db never imports lib/gallery.
 */
export const GALLERY_SORTS = ["newest", "oldest", "cost"] as const;
export type GallerySort = (typeof GALLERY_SORTS)[number];

/** A filter as the queries take it (lib/gallery's GalleryFilter is this with typed values). */
export interface GalleryQueryFilter {
  task?: string;
  /** The model id a job named (jobs.model). */
  model?: string;
  favorites?: boolean;
  quality?: string;
  /** Inclusive calendar dates (UTC), YYYY-MM-DD. */
  from?: string;
  to?: string;
  q?: string;
  sort: GallerySort;
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists (no 30 February: Date.parse would roll it over to March). */
export function isRealDate(d: string): boolean {
  if (!DATE_RE.test(d) || d < "0001-01-01") return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/** The day after a real date, as YYYY-MM-DD (the exclusive end of a "to" day, in UTC). */
export function nextDay(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
