/** Money is counted in integer micro-dollars and turned into dollars only for display or JSON. */

export const MICROS_PER_USD = 1_000_000;

export function microsToUsd(micros: number): number {
  return Math.round(micros) / MICROS_PER_USD;
}

/**
 * "$0.12", "$1.20", "$0.0012": at least two decimals, more only when the amount needs them
 * (a single tiny share of a price must not print as "$0.00").
 */
export function formatUsd(micros: number): string {
  const rounded = Math.round(micros);
  const sign = rounded < 0 ? "-" : "";
  const abs = Math.abs(rounded);
  const whole = Math.floor(abs / MICROS_PER_USD);
  const fraction = String(abs % MICROS_PER_USD).padStart(6, "0").replace(/0+$/, "").padEnd(2, "0");
  return `${sign}$${whole}.${fraction}`;
}
