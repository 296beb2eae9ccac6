"use client";

import { useCallback } from "react";
import { isApiRequestError } from "@/lib/queries/api";
import { draftToRequest } from "@/lib/playground-form/draft-to-request";
import { useFormStore } from "@/lib/playground-form/form-store";
import { randomSeed } from "@/lib/playground-form/random-seed";
import { usesField } from "@/lib/playground-form/task-drafts";
import { useCreateJob } from "@/lib/queries/use-create-job";
import { checkDraft } from "@/lib/playground-form/validate-draft";

/**
 * Run = mark the attempt (so every error shows), roll a fresh seed unless it is locked (tasks
 * with a seed), validate exactly what will be sent, POST it. A 422's field errors land on the form.
 */
export function useRunJob() {
  const mutation = useCreateJob();
  const { mutate, isPending } = mutation;

  const run = useCallback(() => {
    if (isPending) return;
    const store = useFormStore.getState();
    const task = store.taskType;
    store.markRunAttempted();
    if (!checkDraft(task, store.drafts[task]).ok) return;
    let draft = store.drafts[task];
    if (usesField(task, "seed")) {
      const seed = store.seedLocked && typeof draft.seed === "number" ? draft.seed : randomSeed();
      draft = { ...draft, seed };
      if (!checkDraft(task, draft).ok) return;
      // The form shows the seed this run uses.
      if (seed !== store.drafts[task].seed) store.setField("seed", seed);
    }
    store.setServerErrors([]);
    mutate(draftToRequest(task, draft), {
      onError: (e) => {
        const now = useFormStore.getState();
        // Errors of this run belong on this task's form, not on one switched to meanwhile.
        if (isApiRequestError(e) && e.fields.length > 0 && now.taskType === task) now.setServerErrors(e.fields);
      },
    });
  }, [isPending, mutate]);

  return { run, isPending, error: mutation.error, reset: mutation.reset };
}
