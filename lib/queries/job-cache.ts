"use client";
/**
 * Writing a job into the caches that show it (its card, the recent list, the gallery's "in
 * flight" list, which reads the recent list): from an answer of the server (POST, cancel) or
 * from the live stream (use-live-events-connection.ts).
 */
import type { QueryClient } from "@tanstack/react-query";
import type { ApiJob, JobStatus } from "@/lib/api-types";
import { isTerminal } from "@/lib/queries/job-status";
import { queryKeys } from "@/lib/queries/query-keys";
import { RECENT_JOBS_LIMIT } from "@/lib/queries/use-recent-jobs";

type Recent = { items: ApiJob[] };

const STAGE: Record<JobStatus, number> = { waiting: 0, submitting: 1, queued: 2, processing: 3, completed: 4, failed: 4, cancelled: 4 };

/**
 * A new run (or the replay of one): its own entry, and first in the recent list. The stream may
 * have told of the run's later state before the POST answer arrived: that state is kept.
 */
export function cacheNewJob(client: QueryClient, job: ApiJob): void {
  const known = client.getQueryData<ApiJob>(queryKeys.jobs.detail(job.id));
  const newest = known && STAGE[known.status] > STAGE[job.status] ? known : job;
  client.setQueryData<ApiJob>(queryKeys.jobs.detail(job.id), newest);
  client.setQueryData<Recent>(queryKeys.jobs.recent, (old) => ({
    items: [newest, ...(old?.items ?? []).filter((j) => j.id !== job.id)].slice(0, RECENT_JOBS_LIMIT * 2),
  }));
}

/** A changed run (cancelled): its own entry, and its place in the recent list where it is listed. */
export function cacheChangedJob(client: QueryClient, job: ApiJob): void {
  client.setQueryData<ApiJob>(queryKeys.jobs.detail(job.id), job);
  client.setQueryData<Recent>(queryKeys.jobs.recent, (old) => old && { items: old.items.map((j) => (j.id === job.id ? job : j)) });
}

/**
 * A run as the live stream sent it: its entry, and the recent list (replaced where listed; a
 * single run new to this tab, from another tab, goes in by its creation time; a sweep's cell
 * only into its entry, which its grid reads, as GET /api/jobs lists single runs only). True when
 * this tab had not seen it finished before: the caller refreshes what its end changes.
 */
export function cacheStreamedJob(client: QueryClient, job: ApiJob): boolean {
  const before = client.getQueryData<ApiJob>(queryKeys.jobs.detail(job.id));
  client.setQueryData<ApiJob>(queryKeys.jobs.detail(job.id), job);
  client.setQueryData<Recent>(queryKeys.jobs.recent, (old) => {
    if (!old) return old;
    if (old.items.some((j) => j.id === job.id)) return { items: old.items.map((j) => (j.id === job.id ? job : j)) };
    if (job.sweepId) return old;
    const items = [...old.items];
    const at = items.findIndex((j) => j.createdAt < job.createdAt);
    const cap = RECENT_JOBS_LIMIT * 2;
    // Older than everything listed, in a full list: it belongs to the pages not shown.
    if (at < 0 && items.length >= cap) return old;
    items.splice(at < 0 ? items.length : at, 0, job);
    return { items: items.slice(0, cap) };
  });
  return isTerminal(job.status) && !isTerminal(before?.status);
}

/** A run ended: its images are in the gallery, its hold on the caps was settled or released. */
export function refreshAfterRunsEnded(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: queryKeys.gallery.all });
  void client.invalidateQueries({ queryKey: queryKeys.spend });
  void client.invalidateQueries({ queryKey: queryKeys.budget });
}
