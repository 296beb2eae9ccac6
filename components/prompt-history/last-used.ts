/**
 * "today", "yesterday", "3 days ago", then the date: when a prompt was last used, counted in the
 * browser's calendar days (a prompt used at 23:50 was used "yesterday" ten minutes later).
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const date = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

function startOfDay(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

export function formatLastUsed(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return "";
  // Rounded: a day with a daylight-saving change is 23 or 25 hours long.
  const days = Math.round((startOfDay(now) - startOfDay(t)) / DAY_MS);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  return date.format(new Date(t));
}

/** "used once", "used 12 times". */
export function formatUses(count: number): string {
  return count === 1 ? "used once" : `used ${count.toLocaleString("en-US")} times`;
}
