"use client";
/** Writing a job the server just answered with into the caches that show it (its card, the recent list). */
import type { QueryClient } from "@tanstack/react-query";
import type { ApiJob } from "@/lib/api-types";
import { queryKeys } from "@/lib/queries/query-keys";
import { RECENT_JOBS_LIMIT } from "@/lib/queries/use-recent-jobs";

type Recent = { items: ApiJob[] };

/** A new run (or the replay of one): its own entry, and first in the recent list. */
export function cacheNewJob(client: QueryClient, job: ApiJob): void {
  client.setQueryData<ApiJob>(queryKeys.jobs.detail(job.id), job);
  client.setQueryData<Recent>(queryKeys.jobs.recent, (old) => ({
    items: [job, ...(old?.items ?? []).filter((j) => j.id !== job.id)].slice(0, RECENT_JOBS_LIMIT * 2),
  }));
}

/** A changed run (cancelled): its own entry, and its place in the recent list where it is listed. */
export function cacheChangedJob(client: QueryClient, job: ApiJob): void {
  client.setQueryData<ApiJob>(queryKeys.jobs.detail(job.id), job);
  client.setQueryData<Recent>(queryKeys.jobs.recent, (old) => old && { items: old.items.map((j) => (j.id === job.id ? job : j)) });
}
