"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiJob } from "@/lib/api-types";
import { createJob, type GenerationRequestBody } from "@/lib/queries/api";
import { queryKeys } from "@/lib/queries/query-keys";
import { RECENT_JOBS_LIMIT } from "@/lib/queries/use-recent-jobs";

/** POST /api/jobs; the new job goes to the top of the recent list and into its detail cache. */
export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerationRequestBody) => createJob(body),
    onSuccess: (job) => {
      queryClient.setQueryData<ApiJob>(queryKeys.jobs.detail(job.id), job);
      queryClient.setQueryData<{ items: ApiJob[] }>(queryKeys.jobs.recent, (old) => ({
        items: [job, ...(old?.items ?? []).filter((j) => j.id !== job.id)].slice(0, RECENT_JOBS_LIMIT * 2),
      }));
    },
  });
}
