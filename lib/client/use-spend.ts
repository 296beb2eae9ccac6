"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchSpend } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

export function useSpend() {
  return useQuery({ queryKey: queryKeys.spend, queryFn: fetchSpend });
}
