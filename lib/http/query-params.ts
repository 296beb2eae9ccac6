import { AppError } from "@/lib/errors";

/** `?limit=` as a bounded integer; out of range, a 422 whose message names the limit. */
export function parseLimit(params: URLSearchParams, { fallback, max }: { fallback: number; max: number }): number {
  const raw = params.get("limit");
  if (raw === null || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new AppError("validation_failed", `limit must be an integer between 1 and ${max} (got ${JSON.stringify(raw)})`, {
      fields: [{ field: "limit", message: `limit must be an integer between 1 and ${max}` }],
    });
  }
  return n;
}
