"use client";

import { useEffect, useSyncExternalStore } from "react";
import { GenerationForm } from "@/components/playground/generation-form";
import { JobList } from "@/components/playground/job-list";
import { useFormStore } from "@/lib/client/form-store";

const subscribeHydration = (onChange: () => void) => useFormStore.persist.onFinishHydration(onChange);
const isHydrated = () => useFormStore.persist.hasHydrated();
const notOnServer = () => false;

/**
 * Form left, runs right (one column under 1024 px). The saved draft is read from localStorage
 * after mount; until then the form is disabled so nothing typed is overwritten by it.
 */
export function Playground() {
  const ready = useSyncExternalStore(subscribeHydration, isHydrated, notOnServer);
  useEffect(() => {
    if (!useFormStore.persist.hasHydrated()) void useFormStore.persist.rehydrate();
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
