"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { FieldMessage } from "@/lib/queries/api";
import { mergePersisted, migratePersisted, persistedForm } from "@/lib/playground-form/draft-persist";
import type { DraftValue, Drafts, TaskDraft } from "@/lib/playground-form/draft-types";
import { randomSeed } from "@/lib/playground-form/random-seed";
import { carrySharedFields, defaultDraft, defaultDrafts } from "@/lib/playground-form/task-drafts";
import { DEFAULT_TASK_TYPE, type TaskType } from "@/lib/models";

export { draftToRequest } from "@/lib/playground-form/draft-to-request";
export type { DraftValue, TaskDraft } from "@/lib/playground-form/draft-types";

interface FormState {
  taskType: TaskType;
  /** One draft per task type; switching keeps each task's own settings. */
  drafts: Drafts;
  /** Locked: the shown seed is reused on each run. Unlocked: each run rolls a fresh one. */
  seedLocked: boolean;
  touched: Record<string, true>;
  runAttempted: boolean;
  /** Field errors of the last 422 from the API, until the field is edited. */
  serverErrors: FieldMessage[];
  /** Switches task, copying the shared fields (prompt, seed, …) into its draft. */
  setTaskType: (task: TaskType) => void;
  /** Sets a field of the current task's draft. */
  setField: (name: string, value: DraftValue) => void;
  /** Sets a field of any task's draft (use-as, reuse). */
  setTaskField: (task: TaskType, name: string, value: DraftValue) => void;
  /** Replaces a task's draft and switches to it (reuse parameters). */
  loadDraft: (task: TaskType, draft: TaskDraft) => void;
  touch: (name: string) => void;
  setSeedLocked: (locked: boolean) => void;
  /** Puts a new random seed in the current draft and returns it. */
  rollSeed: () => number;
  markRunAttempted: () => void;
  setServerErrors: (errors: FieldMessage[]) => void;
  resetDraft: () => void;
}

const freshAttempt = { touched: {}, runAttempted: false, serverErrors: [] };

export const useFormStore = create<FormState>()(
  persist(
    (set) => ({
      taskType: DEFAULT_TASK_TYPE,
      drafts: defaultDrafts(),
      seedLocked: false,
      ...freshAttempt,
      setTaskType: (task) =>
        set((s) =>
          s.taskType === task ? s : { taskType: task, drafts: carrySharedFields(s.drafts, s.taskType, task), ...freshAttempt },
        ),
      setField: (name, value) =>
        set((s) => ({
          drafts: { ...s.drafts, [s.taskType]: { ...s.drafts[s.taskType], [name]: value } },
          serverErrors: s.serverErrors.filter((e) => e.field !== name),
        })),
      setTaskField: (task, name, value) =>
        set((s) => ({
          drafts: { ...s.drafts, [task]: { ...s.drafts[task], [name]: value } },
          serverErrors: s.taskType === task ? s.serverErrors.filter((e) => e.field !== name) : s.serverErrors,
        })),
      loadDraft: (task, draft) =>
        set((s) => ({ taskType: task, drafts: { ...s.drafts, [task]: { ...defaultDraft(task), ...draft } }, ...freshAttempt })),
      touch: (name) => set((s) => (s.touched[name] ? s : { touched: { ...s.touched, [name]: true } })),
      setSeedLocked: (seedLocked) => set({ seedLocked }),
      rollSeed: () => {
        const seed = randomSeed();
        set((s) => ({
          drafts: { ...s.drafts, [s.taskType]: { ...s.drafts[s.taskType], seed } },
          serverErrors: s.serverErrors.filter((e) => e.field !== "seed"),
        }));
        return seed;
      },
      markRunAttempted: () => set({ runAttempted: true }),
      setServerErrors: (serverErrors) => set({ serverErrors }),
      resetDraft: () => set((s) => ({ drafts: { ...s.drafts, [s.taskType]: defaultDraft(s.taskType) }, ...freshAttempt })),
    }),
    {
      // The key predates the other task types; version 2 holds every task's draft.
      name: "nova-canvas.text-image-draft",
      version: 2,
      storage: createJSONStorage(() => localStorage),
      // Scalars only: images go to IndexedDB (form-hydration.ts). touched/errors are per visit.
      partialize: (s) => persistedForm(s),
      migrate: migratePersisted,
      merge: (persisted, current) => mergePersisted(persisted, current),
      // Hydrated in an effect after mount (see Playground), so the server render and the first
      // client render agree.
      skipHydration: true,
    },
  ),
);


/** The current task's draft. */
export function useDraft(): TaskDraft {
  return useFormStore((s) => s.drafts[s.taskType]);
}

/** One field of the current task's draft. */
export function useDraftValue(name: string): DraftValue | undefined {
  return useFormStore((s) => s.drafts[s.taskType][name]);
}
