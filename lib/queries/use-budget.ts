"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ApiSpendPeriod } from "@/lib/api-types";
import { fetchBudget } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";

/** The request budget moves by the second; every 5 s is fresh enough to decide whether to Run. */
export const BUDGET_POLL_MS = 5_000;

export const budgetQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.budget,
    queryFn: fetchBudget,
    // Polled only while the page is visible (TanStack pauses intervals in a hidden tab), and
    // asked again as soon as it is visible once more.
    refetchInterval: BUDGET_POLL_MS,
    refetchOnWindowFocus: "always",
  });

/** GET /api/budget: requests left this minute, runs waiting, and what is left of the caps. */
export function useBudget() {
  return useQuery(budgetQueryOptions());
}

export interface TightestCap {
  period: "day" | "month";
  capUsd: number;
  leftUsd: number;
}

/** The cap with the least left (a run must fit every cap); null when no cap is set. */
export function tightestCap(spend: { day: ApiSpendPeriod; month: ApiSpendPeriod }): TightestCap | null {
  const capped = (["day", "month"] as const).flatMap((period) => {
    const { capUsd, leftUsd } = spend[period];
    return capUsd !== null && leftUsd !== null ? [{ period, capUsd, leftUsd }] : [];
  });
  return capped.reduce<TightestCap | null>((min, c) => (min === null || c.leftUsd < min.leftUsd ? c : min), null);
}

/** The cap a run must fit first, kept current by useBudget's polling; null without a cap (or before it loaded). */
export function useTightestCap(): TightestCap | null {
  const { data } = useBudget();
  return data ? tightestCap(data.spend) : null;
}
