"use client";

import { Alert } from "@/components/ui/alert";
import type { ApiJob } from "@/lib/api-types";
import { useReuseParams } from "@/lib/playground-form/reuse-params";
import { usesField } from "@/lib/playground-form/task-drafts";
import { isTaskType } from "@/lib/models";

const buttonClass =
  "rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-xs font-medium text-neutral-800 hover:bg-neutral-100 disabled:opacity-60";

/**
 * Loads this job's parameters (and its input images) into its task's form. "with seed" locks
 * the job's seed so the run repeats; the other rolls a fresh seed.
 */
export function ReuseButtons({ job, onDone }: { job: ApiJob; onDone?: () => void }) {
  const { reuse, pending, error } = useReuseParams();
  if (!isTaskType(job.taskType)) return null;
  const seeded = usesField(job.taskType, "seed") && job.seed !== null;
  const go = (withSeed: boolean) => {
    void reuse(job, withSeed).then((ok) => {
      if (onDone) {
        if (ok) onDone();
        return;
      }
      document.getElementById("playground-form")?.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  };
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass} disabled={pending !== null} onClick={() => go(false)}>
          {pending === "params" ? "Loading…" : "Reuse parameters"}
        </button>
        {seeded && (
          <button type="button" className={buttonClass} disabled={pending !== null} onClick={() => go(true)}>
            {pending === "seed" ? "Loading…" : "Reuse with seed"}
          </button>
        )}
      </div>
      {error && <Alert tone="warning">{error}</Alert>}
    </div>
  );
}
