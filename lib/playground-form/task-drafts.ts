/**
 * Default drafts per task, built from TASK_FIELDS, and the task switch that carries the shared
 * fields (prompt, negative prompt, seed, quality, image count, CFG) into the next task's draft.
 */
import type { DraftValue, Drafts, TaskDraft } from "@/lib/playground-form/draft-types";
import { defaultModel, SHARED_FIELDS, TASK_FIELDS, TASK_TYPES, type FieldSpec, type ModelDefinition, type TaskType } from "@/lib/models";

/** A small, pleasant palette so the colour-guided form is runnable at once. */
export const STARTER_PALETTE = ["#264653", "#2A9D8F", "#E9C46A", "#E76F51"];

/** Starting values that are not field defaults of the model: choices the form makes for you. */
const UI_DEFAULTS: Partial<Record<TaskType, TaskDraft>> = {
  INPAINTING: { mask_by: "image" },
  OUTPAINTING: { mask_by: "image" },
  COLOR_GUIDED_GENERATION: { colors: STARTER_PALETTE },
  VIRTUAL_TRY_ON: { mask_type: "GARMENT", garment_class: "UPPER_BODY" },
};

/** The empty value of a field: "" / null / [] mean "not set" and are never sent. */
export function fieldDefault(spec: FieldSpec): DraftValue {
  switch (spec.kind) {
    case "prompt":
    case "text":
      return "";
    case "select":
      return typeof spec.default === "string" ? spec.default : "";
    case "number":
    case "slider":
      return typeof spec.default === "number" ? spec.default : null;
    case "seed":
    case "image":
      return null;
    case "toggle":
      return spec.default === true;
    case "images":
    case "colors":
      return [];
  }
}

export function defaultDraft(task: TaskType): TaskDraft {
  const draft: TaskDraft = {};
  for (const spec of TASK_FIELDS[task]) draft[spec.name] = fieldDefault(spec);
  return { ...draft, ...UI_DEFAULTS[task] };
}

export function defaultDrafts(): Drafts {
  return Object.fromEntries(TASK_TYPES.map((t) => [t, defaultDraft(t)])) as Drafts;
}

/** A model's fields for a task (none when it does not offer the task); the default model's by default. */
export const fieldsOf = (task: TaskType, model: ModelDefinition = defaultModel()): readonly FieldSpec[] => model.taskFields[task] ?? [];

export const usesField = (task: TaskType, name: string, model?: ModelDefinition): boolean =>
  fieldsOf(task, model).some((f) => f.name === name);

/**
 * Drafts after switching from `from` to `to`: each shared field both tasks use is copied over,
 * so a prompt typed for one task is there in the next. Other fields stay per task.
 */
export function carrySharedFields(drafts: Drafts, from: TaskType, to: TaskType): Drafts {
  if (from === to) return drafts;
  const next: TaskDraft = { ...drafts[to] };
  for (const name of SHARED_FIELDS) {
    if (usesField(from, name) && usesField(to, name)) next[name] = drafts[from][name];
  }
  return { ...drafts, [to]: next };
}
