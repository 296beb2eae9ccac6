"use client";

import { Alert } from "@/components/ui/alert";
import { JobCard } from "@/components/playground/job-card";
import { describeError } from "@/lib/queries/api";
import { useRecentJobs } from "@/lib/queries/use-recent-jobs";

/** Recent runs, newest first; unfinished ones keep polling, so progress survives a reload. */
export function JobList() {
  const { data, error, isPending } = useRecentJobs();

  if (isPending) return <p className="text-sm text-neutral-500">Loading recent runs…</p>;
  if (error) return <Alert tone="error">Could not load recent runs: {describeError(error)}</Alert>;
  if (data.items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-neutral-300 p-6 text-center text-sm text-neutral-500">
        No runs yet. Write a prompt and press Run.
      </p>
    );
  }
  return (
    <ol className="flex flex-col gap-4" aria-label="Recent runs">
      {data.items.map((job, i) => (
        <li key={job.id}>
          <JobCard initial={job} newest={i === 0} />
        </li>
      ))}
    </ol>
  );
}
