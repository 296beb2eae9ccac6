"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createJob, isApiRequestError, type GenerationRequestBody } from "@/lib/queries/api";
import { cacheNewJob } from "@/lib/queries/job-cache";
import { queryKeys } from "@/lib/queries/query-keys";

export interface CreateJobInput {
  body: GenerationRequestBody;
  /** One per Run press (newIdempotencyKey), so a retry of the press cannot make a second run. */
  idempotencyKey: string;
}

/**
 * POST /api/jobs; the new job goes to the top of the recent list and into its detail cache.
 * A request that never got an answer (network error) is sent again with the same key: the
 * server either makes the run now or answers with the one the lost answer was about.
 */
export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: CreateJobInput) => createJob(body, idempotencyKey),
    retry: (count, error) => isApiRequestError(error) && error.status === 0 && count < 2,
    onSuccess: (job) => cacheNewJob(queryClient, job),
    // A run holds part of the caps and takes a place in the queue; a 402 means the budget moved.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.budget }),
  });
}
