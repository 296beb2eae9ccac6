"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isApiRequestError } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";
import { sweepApi } from "@/lib/queries/sweep-api";
import { sweepKeys } from "@/lib/queries/sweep-keys";
import { cacheSweepJobs } from "@/lib/queries/use-sweep";
import type { SweepRequest } from "@/lib/sweeps/sweep-axis";

export interface CreateSweepInput {
  body: SweepRequest;
  /** One per Run press (newIdempotencyKey). */
  idempotencyKey: string;
}

/**
 * POST /api/sweeps. Like a run, a request that never got an answer is sent again with the same
 * key: the server makes the sweep now or answers with the one it made. The answer fills the
 * sweep's cache and its runs', so its page shows at once.
 */
export function useCreateSweep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: CreateSweepInput) => sweepApi.create(body, idempotencyKey),
    retry: (count, error) => isApiRequestError(error) && error.status === 0 && count < 2,
    onSuccess: (sweep) => {
      cacheSweepJobs(client, sweep);
      client.setQueryData(sweepKeys.detail(sweep.id), sweep);
      void client.invalidateQueries({ queryKey: sweepKeys.all, exact: true });
    },
    // The cells hold part of the caps and take places in the queue.
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.budget }),
  });
}
