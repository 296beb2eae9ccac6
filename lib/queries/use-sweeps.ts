"use client";

import { useQuery } from "@tanstack/react-query";
import { sweepApi } from "@/lib/queries/sweep-api";
import { sweepKeys } from "@/lib/queries/sweep-keys";

/** The newest sweeps (GET /api/sweeps), with each one's progress. */
export function useSweeps() {
  return useQuery({ queryKey: sweepKeys.all, queryFn: () => sweepApi.list() });
}
