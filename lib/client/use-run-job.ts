"use client";

import { useCallback } from "react";
import { isApiRequestError } from "@/lib/client/api";
import { randomSeed } from "@/lib/client/random-seed";
import { draftToRequest, useFormStore } from "@/lib/client/form-store";
import { useCreateJob } from "@/lib/client/use-create-job";
import { checkDraft } from "@/lib/client/validate-draft";

/**
 * Run = mark the attempt (so every error shows), roll a fresh seed unless it is locked,
 * validate exactly what will be sent, POST it. A 422's field errors land on the form.
 */
export function useRunJob() {
  const mutation = useCreateJob();
  const { mutate, isPending } = mutation;

  const run = useCallback(() => {
    if (isPending) return;
    const store = useFormStore.getState();
    store.markRunAttempted();
    if (!checkDraft(store.draft).ok) return;
    const seed = store.seedLocked && store.draft.seed !== null ? store.draft.seed : randomSeed();
    const draft = { ...store.draft, seed };
    if (!checkDraft(draft).ok) return;
    // The form shows the seed this run uses.
    if (seed !== store.draft.seed) store.setField("seed", seed);
    store.setServerErrors([]);
    mutate(draftToRequest(draft), {
      onError: (e) => {
        if (isApiRequestError(e) && e.fields.length > 0) useFormStore.getState().setServerErrors(e.fields);
      },
    });
  }, [isPending, mutate]);

  return { run, isPending, error: mutation.error, reset: mutation.reset };
}
