"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { FieldMessage } from "@/lib/queries/api";
import { mergePersisted, migratePersisted, persistedForm } from "@/lib/playground-form/draft-persist";
import type { DraftValue, Drafts, TaskDraft } from "@/lib/playground-form/draft-types";
import { randomSeed } from "@/lib/playground-form/random-seed";
import { carrySharedFields, defaultDraft, defaultDrafts } from "@/lib/playground-form/task-drafts";
import { carryAcrossModels, completeModelDraft, modelFields, ownsTaskDrafts } from "@/lib/playground-form/model-drafts";
import { DEFAULT_MODEL_ID, DEFAULT_TASK_TYPE, TASK_FIELDS, type ModelDefinition, type TaskType } from "@/lib/models";

export { draftToRequest } from "@/lib/playground-form/draft-to-request";
export type { DraftValue, TaskDraft } from "@/lib/playground-form/draft-types";

interface FormState {
  /** The chosen model's id, remembered per browser (GET /api/models says whether it can run). */
  modelId: string;
  /** The default model's task (a catalog model runs its one task, whatever this says). */
  taskType: TaskType;
  /** The default model's drafts, one per task type; switching keeps each task's own settings. */
  drafts: Drafts;
  /** Every other model's one draft, by model id (model-drafts.ts). */
  modelDrafts: Record<string, TaskDraft>;
  /** Locked: the shown seed is reused on each run. Unlocked: each run rolls a fresh one. */
  seedLocked: boolean;
  touched: Record<string, true>;
  runAttempted: boolean;
  /** Field errors of the last 422 from the API, until the field is edited. */
  serverErrors: FieldMessage[];
  /** A note about what reuse or use-as did not do ("… loaded into X without cfg_scale"), until dismissed. */
  notice: string | null;
  setNotice: (notice: string | null) => void;
  /** Switches task, copying the shared fields (prompt, seed, …) into its draft. */
  setTaskType: (task: TaskType) => void;
  /** Switches model, carrying the shared fields (prompt, seed, …) into its draft where they fit. */
  setModel: (def: ModelDefinition) => void;
  /** Sets a field of the current task's draft. */
  setField: (name: string, value: DraftValue) => void;
  /** Sets a field of any task's draft (use-as, reuse). */
  setTaskField: (task: TaskType, name: string, value: DraftValue) => void;
  /** Sets a field of a non-default model's draft (use-as, restored images). */
  setModelField: (modelId: string, name: string, value: DraftValue) => void;
  /** Replaces a task's draft and switches to it (reuse parameters). */
  loadDraft: (task: TaskType, draft: TaskDraft) => void;
  /** Replaces a non-default model's draft and switches to that model (reuse parameters). */
  loadModelDraft: (def: ModelDefinition, draft: TaskDraft) => void;
  touch: (name: string) => void;
  setSeedLocked: (locked: boolean) => void;
  /** Puts a new random seed in the current draft and returns it. */
  rollSeed: () => number;
  markRunAttempted: () => void;
  setServerErrors: (errors: FieldMessage[]) => void;
  /** Back to the defaults; a non-default model needs its definition for them. */
  resetDraft: (def?: ModelDefinition) => void;
}

const freshAttempt = { touched: {}, runAttempted: false, serverErrors: [] };

const EMPTY_DRAFT: TaskDraft = {};

type DraftSlots = Pick<FormState, "modelId" | "taskType" | "drafts" | "modelDrafts">;

/** The draft the form shows: the default model's current task, or the chosen model's one draft. */
export function currentDraftOf(s: DraftSlots): TaskDraft {
  return ownsTaskDrafts(s.modelId) ? s.drafts[s.taskType] : (s.modelDrafts[s.modelId] ?? EMPTY_DRAFT);
}

/** The state change that puts `patch` into the current draft. */
function patchCurrent(s: DraftSlots, patch: TaskDraft): Partial<DraftSlots> {
  const next = { ...currentDraftOf(s), ...patch };
  return ownsTaskDrafts(s.modelId)
    ? { drafts: { ...s.drafts, [s.taskType]: next } }
    : { modelDrafts: { ...s.modelDrafts, [s.modelId]: next } };
}

/** The state after switching to `def`: its draft (completed with defaults) receives the shared fields. */
function switchModel(s: DraftSlots, def: ModelDefinition): Partial<DraftSlots> {
  const from = currentDraftOf(s);
  if (ownsTaskDrafts(def.id)) {
    const to = carryAcrossModels(from, s.drafts[s.taskType], TASK_FIELDS[s.taskType]);
    return { modelId: def.id, drafts: { ...s.drafts, [s.taskType]: to } };
  }
  const to = carryAcrossModels(from, completeModelDraft(def, s.modelDrafts[def.id]), modelFields(def));
  return { modelId: def.id, modelDrafts: { ...s.modelDrafts, [def.id]: to } };
}

export const useFormStore = create<FormState>()(
  persist(
    (set) => ({
      modelId: DEFAULT_MODEL_ID,
      taskType: DEFAULT_TASK_TYPE,
      drafts: defaultDrafts(),
      modelDrafts: {},
      seedLocked: false,
      notice: null,
      ...freshAttempt,
      setTaskType: (task) =>
        set((s) =>
          s.taskType === task ? s : { taskType: task, drafts: carrySharedFields(s.drafts, s.taskType, task), ...freshAttempt },
        ),
      setModel: (def) =>
        set((s) => {
          if (s.modelId === def.id) {
            // Same model: only make sure its draft has every field (a remembered draft keeps scalars only).
            const draft = s.modelDrafts[def.id];
            if (ownsTaskDrafts(def.id)) return s;
            const complete = completeModelDraft(def, draft);
            if (draft && Object.keys(complete).every((k) => k in draft)) return s;
            return { modelDrafts: { ...s.modelDrafts, [def.id]: complete } };
          }
          return { ...switchModel(s, def), notice: null, ...freshAttempt };
        }),
      setField: (name, value) =>
        set((s) => ({
          ...patchCurrent(s, { [name]: value }),
          serverErrors: s.serverErrors.filter((e) => e.field !== name),
        })),
      setTaskField: (task, name, value) =>
        set((s) => ({
          drafts: { ...s.drafts, [task]: { ...s.drafts[task], [name]: value } },
          serverErrors: s.taskType === task ? s.serverErrors.filter((e) => e.field !== name) : s.serverErrors,
        })),
      setModelField: (modelId, name, value) =>
        set((s) => ({
          modelDrafts: { ...s.modelDrafts, [modelId]: { ...s.modelDrafts[modelId], [name]: value } },
          serverErrors: s.modelId === modelId ? s.serverErrors.filter((e) => e.field !== name) : s.serverErrors,
        })),
      loadDraft: (task, draft) =>
        set((s) => ({
          modelId: DEFAULT_MODEL_ID,
          taskType: task,
          drafts: { ...s.drafts, [task]: { ...defaultDraft(task), ...draft } },
          ...freshAttempt,
        })),
      loadModelDraft: (def, draft) =>
        set((s) => ({ modelId: def.id, modelDrafts: { ...s.modelDrafts, [def.id]: completeModelDraft(def, draft) }, ...freshAttempt })),
      touch: (name) => set((s) => (s.touched[name] ? s : { touched: { ...s.touched, [name]: true } })),
      setSeedLocked: (seedLocked) => set({ seedLocked }),
      rollSeed: () => {
        const seed = randomSeed();
        set((s) => ({ ...patchCurrent(s, { seed }), serverErrors: s.serverErrors.filter((e) => e.field !== "seed") }));
        return seed;
      },
      markRunAttempted: () => set({ runAttempted: true }),
      setServerErrors: (serverErrors) => set({ serverErrors }),
      setNotice: (notice) => set({ notice }),
      resetDraft: (def) =>
        set((s) =>
          ownsTaskDrafts(s.modelId)
            ? { drafts: { ...s.drafts, [s.taskType]: defaultDraft(s.taskType) }, ...freshAttempt }
            : { modelDrafts: { ...s.modelDrafts, [s.modelId]: def ? completeModelDraft(def, undefined) : {} }, ...freshAttempt },
        ),
    }),
    {
      // The key predates the other task types and models; version 2 holds every task's draft,
      // version 3 the chosen model and the other models' drafts too.
      name: "nova-canvas.text-image-draft",
      version: 3,
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


/** The draft the form shows (the chosen model's, for the default model its current task's). */
export function useDraft(): TaskDraft {
  return useFormStore(currentDraftOf);
}

/** One field of the draft the form shows. */
export function useDraftValue(name: string): DraftValue | undefined {
  return useFormStore((s) => currentDraftOf(s)[name]);
}
