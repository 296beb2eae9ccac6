"use client";
/** Cancelling waiting runs (never sent, never billed): one from its card, or all from the gallery. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiJob } from "@/lib/api-types";
import { cancelAllWaiting, cancelRun } from "@/lib/queries/api";
import { cacheChangedJob } from "@/lib/queries/job-cache";
import { queryKeys } from "@/lib/queries/query-keys";

export function useCancelRun(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => cancelRun(id),
    onSuccess: (job) => cacheChangedJob(client, job),
    onSettled: (_job, error) => {
      // Refused (409): the queue sent it meanwhile; the card should show that at once.
      if (error) void client.invalidateQueries({ queryKey: queryKeys.jobs.detail(id) });
      void client.invalidateQueries({ queryKey: queryKeys.budget });
    },
  });
}

export function useCancelAllWaiting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: cancelAllWaiting,
    onSettled: () => {
      // Every card that showed a waiting run asks again; finished runs keep their cache.
      void client.invalidateQueries({
        queryKey: queryKeys.jobs.all,
        predicate: (q) => q.queryKey[1] === "recent" || (q.state.data as ApiJob | undefined)?.status === "waiting",
      });
      void client.invalidateQueries({ queryKey: queryKeys.budget });
    },
  });
}
