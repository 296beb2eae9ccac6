"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchRecentJobs } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";

export const RECENT_JOBS_LIMIT = 20;

/**
 * The newest jobs, fetched once on load so in-flight jobs survive a reload; each card then
 * polls its own job (useJob). New runs are prepended to this cache by useCreateJob.
 */
export const recentJobsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.jobs.recent,
    queryFn: () => fetchRecentJobs(RECENT_JOBS_LIMIT),
    staleTime: Infinity,
  });

export function useRecentJobs() {
  return useQuery(recentJobsQueryOptions());
}
