"use client";

import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { ApiJob, ApiSweep } from "@/lib/api-types";
import { isApiRequestError } from "@/lib/queries/api";
import { isTerminal } from "@/lib/queries/job-status";
import { queryKeys } from "@/lib/queries/query-keys";
import { sweepApi } from "@/lib/queries/sweep-api";
import { useLiveEventsStatus } from "@/lib/queries/use-live-events-status";

/** While the live stream is down, the sweep is read again this often while any cell runs. */
export const SWEEP_POLL_MS = 1500;

/**
 * The cells read their runs from the job cache (queryKeys.jobs.detail), the one place the live
 * stream writes to; every answer about the sweep puts its runs there.
 */
export function cacheSweepJobs(client: QueryClient, sweep: ApiSweep): void {
  for (const job of sweep.jobs) client.setQueryData<ApiJob>(queryKeys.jobs.detail(job.id), job);
}

/** Whether any cell's run is unfinished, as the job cache knows it (fresher than the sweep when the stream updates it). */
export function sweepRunning(client: QueryClient, sweep: ApiSweep | undefined): boolean {
  if (!sweep) return false;
  return sweep.jobs.some((j) => !isTerminal(client.getQueryData<ApiJob>(queryKeys.jobs.detail(j.id))?.status ?? j.status));
}

/**
 * One sweep (GET /api/sweeps/{id}). Its cells' runs come over the live stream into the job cache;
 * only while the stream is down is the sweep read again, every 1.5 s while a cell is unfinished. When it finishes while watched, the caches its runs changed (spend, budget, gallery)
 * are refreshed.
 */
export function useSweep(id: string) {
  const client = useQueryClient();
  const streaming = useLiveEventsStatus((s) => s.connected);
  const query = useQuery({
    queryKey: queryKeys.sweeps.detail(id),
    queryFn: async () => {
      const sweep = await sweepApi.get(id);
      cacheSweepJobs(client, sweep);
      return sweep;
    },
    refetchInterval: (q) => {
      if (isApiRequestError(q.state.error) && q.state.error.status === 404) return false;
      return !streaming && sweepRunning(client, q.state.data) ? SWEEP_POLL_MS : false;
    },
    retry: (count, error) => !(isApiRequestError(error) && error.status === 404) && count < 3,
  });

  const running = sweepRunning(client, query.data);
  const seenRunning = useRef(false);
  useEffect(() => {
    if (running) {
      seenRunning.current = true;
      return;
    }
    if (!seenRunning.current) return;
    seenRunning.current = false;
    void client.invalidateQueries({ queryKey: queryKeys.gallery.all });
    void client.invalidateQueries({ queryKey: queryKeys.spend });
    void client.invalidateQueries({ queryKey: queryKeys.budget });
    void client.invalidateQueries({ queryKey: queryKeys.sweeps.all, exact: true });
  }, [running, client]);

  return query;
}
