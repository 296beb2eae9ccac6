"use client";

import { useQuery } from "@tanstack/react-query";
import { isApiRequestError } from "@/lib/queries/api";
import { jobQueryOptions } from "@/lib/queries/use-job";

/**
 * One job for a detail view (the gallery's): fetched once, never polled. It shares the cache
 * entry of useJob, so a job the playground already watched shows at once. Unlike useJob it does
 * not refresh the gallery when the job turns out finished (it always is, in the gallery).
 * `enabled: false` only reads the cache (a card showing what is already known).
 */
export function useJobDetail(id: string, opts: { enabled?: boolean } = {}) {
  return useQuery({
    ...jobQueryOptions(id),
    enabled: opts.enabled ?? true,
    retry: (count, error) => !(isApiRequestError(error) && error.status === 404) && count < 2,
  });
}
