/**
 * Small, total readers for untrusted JSON: each returns a value of the wanted type or null,
 * never throws, and bounds what it keeps (string lengths, list sizes), so a hostile catalog
 * cannot make the parser slow or the page huge.
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Keys that must never become property names of an object we build (prototype pollution). */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export const isSafeKey = (k: string): boolean => !UNSAFE_KEYS.has(k) && k.length > 0 && k.length <= 100;

/** An own property only: `__proto__` in JSON.parse output is an own key, but inherited ones are not ours. */
export function own(o: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** The first of `keys` that the object has as a string (trimmed, non-empty, at most `max` chars). */
export function readString(o: Json, keys: readonly string[], max = 2000): string | null {
  for (const key of keys) {
    const v = own(o, key);
    if (typeof v === "string" && v.trim()) return v.trim().slice(0, max);
  }
  return null;
}

/** A finite number within ±1e15 (prices, bounds); numeric strings count. */
export function readNumber(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= 1e15 ? n : null;
}

/** A whole number in [min, max], else null. */
export function readInteger(v: unknown, min: number, max: number): number | null {
  const n = readNumber(v);
  return n !== null && Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/** The strings of a list (at most `limit`, each at most 200 chars); anything else is dropped. */
export function readStringList(v: unknown, limit = 100): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .slice(0, limit)
    .filter((s): s is string => typeof s === "string" && s.trim().length > 0)
    .map((s) => s.trim().slice(0, 200));
}

/** YYYY-MM-DD of a date or date-time string that names a real calendar day, else null. */
export function readDate(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(v.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}` ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * `{"param": ["a", "b"]}` (or `{"param": "a"}`) as a fresh object of string lists; unsafe or
 * unreadable keys are reported through `skip` instead of kept.
 */
export function readConditions(v: unknown, skip: (why: string) => void): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (v === undefined || v === null) return out;
  if (!isObject(v)) {
    skip("conditions is not an object");
    return out;
  }
  for (const [key, value] of Object.entries(v).slice(0, 50)) {
    const values = typeof value === "string" ? [value] : readStringList(value);
    if (!isSafeKey(key) || values.length === 0) skip(`condition ${JSON.stringify(key.slice(0, 40))} is not understood`);
    else out[key] = values;
  }
  return out;
}
