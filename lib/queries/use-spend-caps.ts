"use client";
/** The spending caps as the Settings page sets them (GET and PUT /api/settings/caps). */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiSpendCaps } from "@/lib/api-types";
import { request } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";

export const spendCapsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.settings.caps, queryFn: () => request<ApiSpendCaps>("/api/settings/caps") });

export function useSpendCaps() {
  return useQuery(spendCapsQueryOptions());
}

/** Saves both caps; a 422 names `dayUsd` or `monthUsd` (say, above the environment's ceiling). */
export function useSaveSpendCaps() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (caps: ApiSpendCaps) =>
      request<ApiSpendCaps>("/api/settings/caps", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(caps) }),
    onSuccess: (saved) => client.setQueryData(queryKeys.settings.caps, saved),
    // What is left of each cap (the run bar's figure) changes with the cap.
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.budget }),
  });
}
