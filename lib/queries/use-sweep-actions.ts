"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiJob } from "@/lib/api-types";
import { queryKeys } from "@/lib/queries/query-keys";
import { sweepApi } from "@/lib/queries/sweep-api";
import { sweepKeys } from "@/lib/queries/sweep-keys";
import { cacheSweepJobs } from "@/lib/queries/use-sweep";

/** Cancel the sweep's waiting cells; the answer is the sweep as it is now. */
export function useCancelSweep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sweepApi.cancel(id),
    onSuccess: (sweep) => {
      cacheSweepJobs(client, sweep);
      client.setQueryData(sweepKeys.detail(id), sweep);
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.budget }),
  });
}

/** The whole sweep again with another seed: a new sweep (the caller goes to it). */
export function useRerunSweep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (seed?: number) => sweepApi.rerun(id, seed),
    onSuccess: (sweep) => {
      cacheSweepJobs(client, sweep);
      client.setQueryData(sweepKeys.detail(sweep.id), sweep);
      void client.invalidateQueries({ queryKey: sweepKeys.all, exact: true });
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.budget }),
  });
}

/** One cell's run again: the new run goes into the job cache and the sweep is read again (the cell points at it). */
export function useRerunCell(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (position: number) => sweepApi.rerunCell(id, position),
    onSuccess: (job: ApiJob) => client.setQueryData(queryKeys.jobs.detail(job.id), job),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: sweepKeys.detail(id) });
      void client.invalidateQueries({ queryKey: queryKeys.budget });
    },
  });
}
