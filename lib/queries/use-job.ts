"use client";

import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { ApiJob } from "@/lib/api-types";
import { fetchJob, isApiRequestError } from "@/lib/queries/api";
import { isTerminal } from "@/lib/queries/job-status";
import { queryKeys } from "@/lib/queries/query-keys";

export const JOB_POLL_MS = 1000;

/** One job's cache entry (shared by useJob, useJobDetail and the compare dialog). */
export function jobQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.jobs.detail(id),
    queryFn: () => fetchJob(id),
    // A finished job never changes: never refetch it; an unfinished one is always stale.
    staleTime: (q) => (isTerminal(q.state.data?.status) ? Infinity : 0),
  });
}

/**
 * One job, polled about every second until it reaches a terminal status (completed, failed,
 * cancelled): a `waiting` run is polled too, so its place in line stays current and the card sees
 * the queue send it. `initial` (from the recent-jobs list or the POST response) avoids a first
 * round-trip. When a job ends while watched, the gallery, spend and budget caches are refreshed
 * (its hold on the caps was settled or released).
 */
export function useJob(id: string, initial?: ApiJob) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...jobQueryOptions(id),
    initialData: initial,
    refetchInterval: (q) => {
      if (isTerminal(q.state.data?.status)) return false;
      if (isApiRequestError(q.state.error) && q.state.error.status === 404) return false;
      return JOB_POLL_MS;
    },
    refetchIntervalInBackground: true,
    retry: (count, error) => !(isApiRequestError(error) && error.status === 404) && count < 3,
  });

  const status = query.data?.status;
  const seenRunning = useRef(!isTerminal(status));
  useEffect(() => {
    if (!isTerminal(status)) {
      seenRunning.current = true;
      return;
    }
    if (!seenRunning.current) return;
    seenRunning.current = false;
    void queryClient.invalidateQueries({ queryKey: queryKeys.gallery.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.spend });
    void queryClient.invalidateQueries({ queryKey: queryKeys.budget });
  }, [status, queryClient]);

  return query;
}
