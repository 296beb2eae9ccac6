"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchSpend } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";

export function useSpend() {
  return useQuery({ queryKey: queryKeys.spend, queryFn: fetchSpend });
}
