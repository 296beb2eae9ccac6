"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { lazyClient } from "@/components/ui/lazy-client";
import { describeError } from "@/lib/queries/api";
import { useRecentJobs } from "@/lib/queries/use-recent-jobs";

// Cards need the runs, which are fetched after the page loads (never rendered by the server): their
// code is not part of the first load. Fetched as the list mounts, alongside the runs themselves.
const loadJobCard = () => import("@/components/playground/job-card").then((m) => m.JobCard);
const JobCard = lazyClient(loadJobCard, <div className="h-40 rounded-lg border border-neutral-200 bg-white shadow-sm" />);

/** Recent runs, newest first; unfinished ones keep polling, so progress survives a reload. */
export function JobList() {
  const { data, error, isPending } = useRecentJobs();
  const listRef = useRef<HTMLOListElement>(null);
  // The runs listed so far: a new one on top is a run just started (here, or elsewhere).
  const known = useRef<Set<string> | null>(null);
  const topId = data?.items[0]?.id;
  useEffect(() => {
    void loadJobCard();
  }, []);

  useEffect(() => {
    if (!data) return;
    const fresh = known.current !== null && topId !== undefined && !known.current.has(topId);
    known.current = new Set([...(known.current ?? []), ...data.items.map((j) => j.id)]);
    const item = fresh ? listRef.current?.querySelector<HTMLElement>(`[data-run-item="${topId}"]`) : null;
    // Loaded when first needed: nothing of it is needed to show the page.
    if (item) void import("@/components/playground/reveal-new-run").then((m) => m.revealNewRun(item));
  }, [data, topId]);

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
    <ol ref={listRef} className="flex flex-col gap-4" aria-label="Recent runs">
      {data.items.map((job, i) => (
        // The margin keeps the "Runs" heading in view when the column scrolls to a new card.
        <li key={job.id} data-run-item={job.id} className="scroll-mt-12">
          <JobCard initial={job} newest={i === 0} />
        </li>
      ))}
    </ol>
  );
}
