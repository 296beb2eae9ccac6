"use client";

import { useQueries } from "@tanstack/react-query";
import type { ApiJob, ApiSweep } from "@/lib/api-types";
import { jobQueryOptions } from "@/lib/queries/use-job";

/**
 * The sweep's runs as the job cache holds them now, by id: the cache is seeded from every answer
 * about the sweep and written by the live stream, so this re-renders as cells change. Never
 * fetches on its own (the sweep's polling does).
 */
export function useSweepJobs(sweep: ApiSweep | undefined): Map<string, ApiJob> {
  const jobs = sweep?.jobs ?? [];
  const results = useQueries({ queries: jobs.map((j) => ({ ...jobQueryOptions(j.id), enabled: false })) });
  return new Map(jobs.map((j, i) => [j.id, results[i]?.data ?? j]));
}
