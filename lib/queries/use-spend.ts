"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchSpend } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";

export const spendQueryOptions = () => queryOptions({ queryKey: queryKeys.spend, queryFn: fetchSpend });

export function useSpend() {
  return useQuery(spendQueryOptions());
}
