"use client";

import { useEffect } from "react";
import { GenerationForm } from "@/components/playground/generation-form";
import { JobList } from "@/components/playground/job-list";
import { ensureHydrated, useFormHydrated } from "@/lib/playground-form/form-hydration";

/**
 * Form left, runs right (one column under 1024 px). The saved draft (localStorage) and its
 * images (IndexedDB) are read after mount; until then the form is disabled so nothing typed is
 * overwritten by them.
 */
export function Playground() {
  const ready = useFormHydrated((s) => s.done);
  useEffect(() => {
    void ensureHydrated();
  }, []);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,30rem)_minmax(0,1fr)]">
      <div className="min-w-0">
        <GenerationForm ready={ready} />
      </div>
      <section aria-labelledby="runs-heading" className="flex min-w-0 flex-col gap-3">
        <h2 id="runs-heading" className="text-base font-semibold">
          Runs
        </h2>
        <JobList />
      </section>
    </div>
  );
}
