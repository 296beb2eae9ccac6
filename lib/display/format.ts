import { formatUsd, MICROS_PER_USD } from "@/lib/models/money";
/** Elapsed time as "4.2 s", "1 min 05 s", "1 h 02 min". */
export function formatElapsed(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 10_000) return `${(safe / 1000).toFixed(1)} s`;
  const totalS = Math.floor(safe / 1000);
  if (totalS < 60) return `${totalS} s`;
  const min = Math.floor(totalS / 60);
  if (min < 60) return `${min} min ${String(totalS % 60).padStart(2, "0")} s`;
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, "0")} min`;
}

/** Milliseconds between two ISO timestamps (or until `now` when `end` is null). */
export function elapsedBetween(startIso: string, endIso: string | null, now: number): number {
  const start = Date.parse(startIso);
  const end = endIso ? Date.parse(endIso) : now;
  return Number.isFinite(start) && Number.isFinite(end) ? end - start : 0;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : dateTime.format(d);
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : time.format(d);
}

/**
 * Dollars (the API's money unit) as "$0.12": whole cents with two digits, a fraction of a cent
 * with its own digits ("$0.035", "$0.0085"), since catalog models are priced so.
 */
export function formatDollars(usd: number): string {
  return formatUsd(Math.round(usd * MICROS_PER_USD));
}

export function formatPixels(width: number, height: number): string {
  return `${width} × ${height}`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
