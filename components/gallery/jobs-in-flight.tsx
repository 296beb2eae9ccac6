"use client";
/**
 * Above the gallery: runs still in progress (with their progress, polling until they finish),
 * runs waiting for their turn (with their place in line, and a way to cancel them all), and
 * recent failures and cancellations, so the gallery never silently misses a run.
 */
import { CancelAllWaiting } from "@/components/gallery/cancel-all-waiting";
import { JobCard } from "@/components/playground/job-card";
import { useNow } from "@/lib/display/use-now";
import { useRecentJobs } from "@/lib/queries/use-recent-jobs";

/** Failures and cancellations older than this are history, not news. */
const RECENT_END_MS = 60 * 60 * 1000;

export function JobsInFlight() {
  const { data } = useRecentJobs();
  const now = useNow(60_000, true);
  const shown = (data?.items ?? []).filter((j) => {
    if (j.status === "completed") return false;
    if (j.status === "failed" || j.status === "cancelled") return now - Date.parse(j.createdAt) < RECENT_END_MS;
    return true;
  });
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="in-flight-title" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="in-flight-title" className="text-sm font-semibold text-neutral-700">
          Current runs, recent failures and cancellations
        </h2>
        <CancelAllWaiting />
      </div>
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
