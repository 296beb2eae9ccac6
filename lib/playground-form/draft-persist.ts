/**
 * What of the form localStorage keeps across a reload: the task, the lock and each draft's
 * scalars. Images are kept in IndexedDB instead (a data: URL can be megabytes; localStorage holds
 * about five): see draft-images-idb.ts.
 */
import { isImageValue, type Drafts, type TaskDraft } from "@/lib/playground-form/draft-types";
import { defaultDraft } from "@/lib/playground-form/task-drafts";
import { isTaskType, TASK_TYPES, type TaskType } from "@/lib/models";

export interface PersistedForm {
  taskType: TaskType;
  drafts: Partial<Record<TaskType, TaskDraft>>;
  seedLocked: boolean;
}

const isImageish = (v: unknown) => isImageValue(v) || (Array.isArray(v) && v.some((x) => typeof x === "object"));

export function scalarsOf(draft: TaskDraft): TaskDraft {
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => !isImageish(v)));
}

export function persistedForm(s: { taskType: TaskType; drafts: Drafts; seedLocked: boolean }): PersistedForm {
  const drafts = Object.fromEntries(TASK_TYPES.map((t) => [t, scalarsOf(s.drafts[t])]));
  return { taskType: s.taskType, seedLocked: s.seedLocked, drafts };
}

const sameType = (a: unknown, b: unknown) =>
  a === null || b === null ? true : Array.isArray(a) ? Array.isArray(b) : typeof a === typeof b;

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

export function mergePersisted<S extends { taskType: TaskType; drafts: Drafts; seedLocked: boolean }>(
  persisted: unknown,
  current: S,
): S {
  const p = (persisted ?? {}) as Partial<PersistedForm>;
  const drafts = { ...current.drafts };
  for (const t of TASK_TYPES) drafts[t] = mergeDraft(t, current.drafts[t], p.drafts?.[t]);
  return {
    ...current,
    drafts,
    taskType: isTaskType(p.taskType) ? p.taskType : current.taskType,
    seedLocked: typeof p.seedLocked === "boolean" ? p.seedLocked : current.seedLocked,
  };
}

/** Version 1 stored one TEXT_IMAGE draft as `draft`. */
export function migratePersisted(persisted: unknown, version: number): PersistedForm {
  const p = (persisted ?? {}) as Record<string, unknown>;
  if (version < 2) {
    const locked = p.seedLocked === true;
    return { taskType: "TEXT_IMAGE", seedLocked: locked, drafts: { TEXT_IMAGE: (p.draft ?? {}) as TaskDraft } };
  }
  return p as unknown as PersistedForm;
}
