"use client";

import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { ApiJob } from "@/lib/api-types";
import { fetchJob, isApiRequestError } from "@/lib/queries/api";
import { refreshAfterRunsEnded } from "@/lib/queries/job-cache";
import { isTerminal } from "@/lib/queries/job-status";
import { queryKeys } from "@/lib/queries/query-keys";
import { useLiveEventsStatus } from "@/lib/queries/use-live-events-status";

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
 * One job, kept current until it reaches a terminal status (completed, failed, cancelled). While
 * the tab's live stream is connected (use-live-events.ts) the stream writes every change into
 * this entry, so nothing is polled and the entry counts as fresh; while it is down, the job is
 * polled about every second, a `waiting` run too (its place in line, the queue sending it).
 * `initial` (from the recent-jobs list or the POST response) avoids a first round-trip. When a
 * job ends while watched, the gallery, spend and budget caches are refreshed (its hold on the
 * caps was settled or released): by the stream's handler when it brought the end, else here.
 */
export function useJob(id: string, initial?: ApiJob) {
  const queryClient = useQueryClient();
  const streaming = useLiveEventsStatus((s) => s.connected);
  const query = useQuery({
    ...jobQueryOptions(id),
    initialData: initial,
    staleTime: (q) => (streaming || isTerminal(q.state.data?.status) ? Infinity : 0),
    refetchInterval: (q) => {
      if (streaming || isTerminal(q.state.data?.status)) return false;
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
    if (!streaming) refreshAfterRunsEnded(queryClient);
  }, [status, streaming, queryClient]);

  return query;
}
