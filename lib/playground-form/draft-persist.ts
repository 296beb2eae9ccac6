/**
 * What of the form localStorage keeps across a reload: the chosen model, the task, the lock and
 * each draft's scalars. Images are kept in IndexedDB instead (a data: URL can be megabytes;
 * localStorage holds about five): see draft-images-idb.ts.
 */
import { isImageValue, type Drafts, type TaskDraft } from "@/lib/playground-form/draft-types";
import { defaultDraft } from "@/lib/playground-form/task-drafts";
import { DEFAULT_MODEL_ID, isTaskType, TASK_TYPES, type TaskType } from "@/lib/models";

export interface PersistedForm {
  modelId: string;
  taskType: TaskType;
  drafts: Partial<Record<TaskType, TaskDraft>>;
  modelDrafts: Record<string, TaskDraft>;
  seedLocked: boolean;
}

type FormSlots = Omit<PersistedForm, "drafts"> & { drafts: Drafts };

const isImageish = (v: unknown) => isImageValue(v) || (Array.isArray(v) && v.some((x) => typeof x === "object"));

export function scalarsOf(draft: TaskDraft): TaskDraft {
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => !isImageish(v)));
}

export function persistedForm(s: FormSlots): PersistedForm {
  const drafts = Object.fromEntries(TASK_TYPES.map((t) => [t, scalarsOf(s.drafts[t])]));
  const modelDrafts = Object.fromEntries(Object.entries(s.modelDrafts).map(([id, d]) => [id, scalarsOf(d)]));
  return { modelId: s.modelId, taskType: s.taskType, seedLocked: s.seedLocked, drafts, modelDrafts };
}

const sameType = (a: unknown, b: unknown) =>
  a === null || b === null ? true : Array.isArray(a) ? Array.isArray(b) : typeof a === typeof b;

const isScalar = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

/**
 * A stored draft over the current one: only keys the task still has, with a value of the same
 * kind, and never over an image (images in memory outlive a late hydration).
 */
function mergeDraft(task: TaskType, current: TaskDraft, stored: unknown): TaskDraft {
  if (typeof stored !== "object" || stored === null) return current;
  const known = defaultDraft(task);
  const out = { ...current };
  for (const [key, value] of Object.entries(stored)) {
    if (!(key in known) || isImageish(value) || isImageish(current[key])) continue;
    if (sameType(known[key], value)) out[key] = value as TaskDraft[string];
  }
  return out;
}

/**
 * Another model's stored draft: its fields are known only once GET /api/models answers, so
 * scalars are kept as stored (the form sends only the fields the model has, and checks them).
 */
function mergeModelDraft(current: TaskDraft | undefined, stored: unknown): TaskDraft {
  const out: TaskDraft = { ...current };
  if (typeof stored !== "object" || stored === null) return out;
  for (const [key, value] of Object.entries(stored)) {
    if (isScalar(value) && !isImageish(out[key])) out[key] = value as TaskDraft[string];
  }
  return out;
}

export function mergePersisted<S extends FormSlots>(persisted: unknown, current: S): S {
  const p = (persisted ?? {}) as Partial<PersistedForm>;
  const drafts = { ...current.drafts };
  for (const t of TASK_TYPES) drafts[t] = mergeDraft(t, current.drafts[t], p.drafts?.[t]);
  const modelDrafts = { ...current.modelDrafts };
  const stored = typeof p.modelDrafts === "object" && p.modelDrafts !== null ? p.modelDrafts : {};
  for (const [id, d] of Object.entries(stored)) if (id !== DEFAULT_MODEL_ID) modelDrafts[id] = mergeModelDraft(modelDrafts[id], d);
  return {
    ...current,
    drafts,
    modelDrafts,
    modelId: typeof p.modelId === "string" && p.modelId !== "" ? p.modelId : current.modelId,
    taskType: isTaskType(p.taskType) ? p.taskType : current.taskType,
    seedLocked: typeof p.seedLocked === "boolean" ? p.seedLocked : current.seedLocked,
  };
}

/**
 * Version 1 stored one TEXT_IMAGE draft as `draft`; version 2 every task's draft of the one model
 * there was (Nova Canvas, the default), so its form comes back as it was.
 */
export function migratePersisted(persisted: unknown, version: number): PersistedForm {
  const p = (persisted ?? {}) as Record<string, unknown>;
  const v2 =
    version < 2
      ? { taskType: "TEXT_IMAGE", seedLocked: p.seedLocked === true, drafts: { TEXT_IMAGE: (p.draft ?? {}) as TaskDraft } }
      : p;
  if (version < 3) return { ...(v2 as unknown as PersistedForm), modelId: DEFAULT_MODEL_ID, modelDrafts: {} };
  return p as unknown as PersistedForm;
}
