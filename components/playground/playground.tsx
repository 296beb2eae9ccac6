"use client";

import { useEffect } from "react";
import { GenerationForm } from "@/components/playground/generation-form";
import { JobList } from "@/components/playground/job-list";
import { ensureHydrated, useFormHydrated } from "@/lib/playground-form/form-hydration";
import { useFormUi } from "@/lib/playground-form/form-ui-store";

/**
 * The workspace. Wide screens (≥ 1024 px): the form on the left and the runs on the right, each
 * a column that scrolls on its own and fills the viewport below the header (data-workspace:
 * app/globals.css), with Run stuck to the bottom of the form's column (run-bar.tsx). Phones and
 * tablets: one column, the form then the runs, with Run fixed at the bottom of the screen and
 * room left under the page for it (--run-bar-h). The newest run is brought into view when it
 * starts (job-list.tsx). The saved draft (localStorage) and its images (IndexedDB) are read after
 * mount; until then the form is disabled so nothing typed is overwritten by them.
 */
export function Playground() {
  const ready = useFormHydrated((s) => s.done);
  useEffect(() => {
    void ensureHydrated();
    void useFormUi.persist.rehydrate();
  }, []);

  return (
    <div
      data-workspace
      className="grid gap-6 pb-[calc(var(--run-bar-h,0px)+1rem)] lg:h-full lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] lg:grid-rows-[minmax(0,1fr)] lg:pb-0 xl:grid-cols-[minmax(0,30rem)_minmax(0,1fr)]"
    >
      {/* Each column is the containing block of what is positioned in it (relative), so visually
          hidden labels far down the form scroll and clip with it instead of making the page scroll.
          No bottom padding on the form's column: Run sticks to its content box's bottom edge. */}
      <div
        data-testid="form-column"
        className="min-w-0 lg:relative lg:-mx-2 lg:overflow-y-auto lg:px-2 lg:[scroll-padding-bottom:var(--run-bar-h,0px)]"
      >
        <GenerationForm ready={ready} />
      </div>
      <section
        aria-labelledby="runs-heading"
        data-testid="results-column"
        className="min-w-0 lg:relative lg:-mx-2 lg:overflow-y-auto lg:px-2 lg:pb-6"
      >
        <h2 id="runs-heading" className="mb-3 text-base font-semibold">
          Runs
        </h2>
        <JobList />
      </section>
    </div>
  );
}
