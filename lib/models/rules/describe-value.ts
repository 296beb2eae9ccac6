/**
 * How a rejected value is quoted back in an error message. Kept short: an image can be
 * megabytes of base64, and messages end up in the form, the API response and the log.
 */
const MAX_QUOTED = 40;

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED - 1)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}

/** Prompt lengths count characters as people see them (code points), not UTF-16 units. */
export function countChars(text: string): number {
  return Array.from(text).length;
}
