"use client";

import { useQuery } from "@tanstack/react-query";
import { sweepApi } from "@/lib/queries/sweep-api";
import { queryKeys } from "@/lib/queries/query-keys";

/** The newest sweeps (GET /api/sweeps), with each one's progress. */
export function useSweeps() {
  return useQuery({ queryKey: queryKeys.sweeps.all, queryFn: () => sweepApi.list() });
}
