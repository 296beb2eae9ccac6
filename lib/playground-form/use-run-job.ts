"use client";

import { useCallback } from "react";
import { isApiRequestError } from "@/lib/queries/api";
import { draftToRequest } from "@/lib/playground-form/draft-to-request";
import { currentDraftOf, useFormStore } from "@/lib/playground-form/form-store";
import { ownsTaskDrafts } from "@/lib/playground-form/model-drafts";
import { maskExportPending } from "@/lib/playground-form/loading-controls";
import { randomSeed } from "@/lib/playground-form/random-seed";
import { usesField } from "@/lib/playground-form/task-drafts";
import { useCreateJob } from "@/lib/queries/use-create-job";
import { newIdempotencyKey } from "@/lib/queries/idempotency-key";
import { checkDraft } from "@/lib/playground-form/validate-draft";
import type { ModelDefinition } from "@/lib/models";

/**
 * Run = mark the attempt (so every error shows), roll a fresh seed unless it is locked (tasks
 * with a seed), validate exactly what will be sent with the chosen model's rules, POST it with
 * `model` and a fresh Idempotency-Key (one per press, so a retry of it cannot make a second run).
 * A 422's field errors land on the form. `model` null: nothing can run (run does nothing).
 */
export function useRunJob(model: ModelDefinition | null) {
  const mutation = useCreateJob();
  const { mutate, isPending } = mutation;

  const run = useCallback(() => {
    // The shortcut runs too: never with a painted mask still on its way into the form.
    if (isPending || !model || maskExportPending()) return;
    const store = useFormStore.getState();
    const task = ownsTaskDrafts(model.id) ? store.taskType : model.defaultTaskType;
    store.markRunAttempted();
    const shown = currentDraftOf(store);
    if (!checkDraft(task, shown, model).ok) return;
    let draft = shown;
    if (usesField(task, "seed", model)) {
      const seed = store.seedLocked && typeof draft.seed === "number" ? draft.seed : randomSeed();
      draft = { ...draft, seed };
      if (!checkDraft(task, draft, model).ok) return;
      // The form shows the seed this run uses.
      if (seed !== shown.seed) store.setField("seed", seed);
    }
    store.setServerErrors([]);
    mutate(
      { body: { model: model.id, ...draftToRequest(task, draft, model) }, idempotencyKey: newIdempotencyKey() },
      {
        onError: (e) => {
          const now = useFormStore.getState();
          // Errors of this run belong on this model's and task's form, not on one switched to meanwhile.
          const same = now.modelId === model.id && (!ownsTaskDrafts(model.id) || now.taskType === task);
          if (isApiRequestError(e) && e.fields.length > 0 && same) now.setServerErrors(e.fields);
        },
      },
    );
  }, [isPending, mutate, model]);

  return { run, isPending, error: mutation.error, reset: mutation.reset };
}
