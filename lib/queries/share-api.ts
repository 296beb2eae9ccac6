/** The browser's calls to /api/shares, and the hooks of the shares page. */
"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiShare } from "@/lib/api-types";
import { request } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";
import type { CreateShareInput, UpdateShareInput } from "@/lib/shares/share-schema";

const json = (body: unknown): RequestInit => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export const shareApi = {
  create: (input: Partial<CreateShareInput>) => request<ApiShare>("/api/shares", { method: "POST", ...json(input) }),
  list: () => request<{ items: ApiShare[] }>("/api/shares"),
  update: (id: string, patch: UpdateShareInput) => request<ApiShare>(`/api/shares/${id}`, { method: "PATCH", ...json(patch) }),
  revoke: (id: string) => request<ApiShare>(`/api/shares/${id}/revoke`, { method: "POST" }),
  remove: (id: string) => request<void>(`/api/shares/${id}`, { method: "DELETE" }),
};

export const sharesQueryOptions = () => queryOptions({ queryKey: queryKeys.shares, queryFn: shareApi.list });

export function useShares() {
  return useQuery(sharesQueryOptions());
}

/** Any change to a share: the list is refetched afterwards (view counts change on their own too). */
export function useShareMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: queryKeys.shares }) });
}

/** The absolute link of a share, for copying. */
export function shareUrl(path: string): string {
  return typeof window === "undefined" ? path : new URL(path, window.location.origin).toString();
}
