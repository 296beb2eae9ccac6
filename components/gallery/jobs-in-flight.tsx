"use client";
/**
 * Above the gallery: runs still in progress (with their progress, polling until they finish) and
 * recent failures with their message, so the gallery never silently misses a run.
 */
import { JobCard } from "@/components/playground/job-card";
import { useNow } from "@/lib/display/use-now";
import { useRecentJobs } from "@/lib/queries/use-recent-jobs";

/** Failures older than this are history, not news. */
const RECENT_FAILURE_MS = 60 * 60 * 1000;

export function JobsInFlight() {
  const { data } = useRecentJobs();
  const now = useNow(60_000, true);
  const shown = (data?.items ?? []).filter(
    (j) => (j.status !== "completed" && j.status !== "failed") || (j.status === "failed" && now - Date.parse(j.createdAt) < RECENT_FAILURE_MS),
  );
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="in-flight-title" className="flex flex-col gap-2">
      <h2 id="in-flight-title" className="text-sm font-semibold text-neutral-700">
        In progress and recent failures
      </h2>
      <ol className="grid gap-3 lg:grid-cols-2">
        {shown.map((job) => (
          <li key={job.id}>
            <JobCard initial={job} />
          </li>
        ))}
      </ol>
    </section>
  );
}
