import type { ApiSpendCaps } from "@/lib/api-types";
import { formatDollars } from "@/lib/display/format";
import type { FieldMessage } from "@/lib/queries/api";

export type CapField = keyof ApiSpendCaps;

export const CAP_LABELS: Record<CapField, string> = { dayUsd: "Daily cap", monthUsd: "Monthly cap" };
export const CAP_VARIABLES: Record<CapField, string> = { dayUsd: "SPEND_CAP_DAY_USD", monthUsd: "SPEND_CAP_MONTH_USD" };

/** A saved cap as the box shows it: "" for none, "0.20" for 20 cents (a fraction of a cent keeps its digits). */
export function capText(usd: number | null): string {
  return usd === null ? "" : formatDollars(usd).slice(1);
}

/**
 * What the person typed, as the API takes it: empty is "no cap", else dollars of at least 0.
 * `badInput`: the browser's number box holds something it cannot read ("1e", "2..5"), whose
 * value it reports as "" — that must not quietly become "no cap".
 */
export function parseCap(text: string, badInput = false): { usd: number | null } | { error: string } {
  const trimmed = text.trim();
  if (badInput) return { error: "Enter an amount in US dollars, such as 5 or 2.50, or leave it empty for no cap." };
  if (trimmed === "") return { usd: null };
  const usd = Number(trimmed);
  if (!Number.isFinite(usd)) return { error: "Enter an amount in US dollars, such as 5 or 2.50, or leave it empty for no cap." };
  if (usd < 0) return { error: "A cap cannot be below $0." };
  return { usd };
}

/**
 * A 422's field errors, each under its own box, in words: the API names the fields as its body
 * does ("dayUsd must be at most $1.00, …"). Errors on anything else go to the form.
 */
export function capErrors(fields: readonly FieldMessage[]): { byField: Partial<Record<CapField, string>>; other: string[] } {
  const byField: Partial<Record<CapField, string>> = {};
  const other: string[] = [];
  for (const { field, message } of fields) {
    if (field === "dayUsd" || field === "monthUsd") byField[field] = message.replace(new RegExp(`^${field}\\b`), `The ${CAP_LABELS[field].toLowerCase()}`);
    else other.push(field ? `${field}: ${message}` : message);
  }
  return { byField, other };
}
