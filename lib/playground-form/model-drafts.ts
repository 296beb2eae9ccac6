/**
 * Drafts across models. The default model (Nova Canvas) keeps one draft per task in the store's
 * `drafts`; every other model on offer comes from the catalog with one task, so it keeps one
 * draft in `modelDrafts[id]`. Switching model carries the fields every model means the same way
 * (prompt, seed, …) into the target's draft when the target has them and the value fits there.
 */
import { fieldDefault, fieldsOf } from "@/lib/playground-form/task-drafts";
import type { DraftValue, TaskDraft } from "@/lib/playground-form/draft-types";
import { DEFAULT_MODEL_ID, type FieldSpec, type ModelDefinition } from "@/lib/models";

/** Fields that mean the same in every model's request (the app's names, lib/models/README.md). */
export const MODEL_SHARED_FIELDS = ["prompt", "negative_prompt", "seed", "number_of_images", "aspect_ratio"] as const;

/** Whether a model's drafts live per task in `drafts` (the default model) or as one in `modelDrafts`. */
export const ownsTaskDrafts = (modelId: string) => modelId === DEFAULT_MODEL_ID;

/** The fields of the one task a model's form shows when it is not the default model. */
export const modelFields = (def: ModelDefinition): readonly FieldSpec[] => fieldsOf(def.defaultTaskType, def);

export function defaultModelDraft(def: ModelDefinition): TaskDraft {
  return Object.fromEntries(modelFields(def).map((spec) => [spec.name, fieldDefault(spec)]));
}

/** Whether `value` is one the target field can hold as it is (a choice it offers, a number in range). */
export function fitsField(spec: FieldSpec, value: DraftValue | undefined): boolean {
  if (value === undefined) return false;
  if (value === null || value === "") return true;
  switch (spec.kind) {
    case "prompt":
    case "text":
      return typeof value === "string" && (spec.max === undefined || value.length <= spec.max);
    case "select":
      return typeof value === "string" && (spec.options ?? []).includes(value);
    case "number":
    case "slider":
    case "seed":
      return typeof value === "number" && (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
    default:
      return false;
  }
}

/** `to` with each shared field `from` has copied in, where the target has the field and the value fits. */
export function carryAcrossModels(from: TaskDraft, to: TaskDraft, toFields: readonly FieldSpec[]): TaskDraft {
  const next = { ...to };
  for (const name of MODEL_SHARED_FIELDS) {
    const spec = toFields.find((f) => f.name === name);
    if (spec && name in from && fitsField(spec, from[name])) next[name] = from[name];
  }
  return next;
}

/** A stored or partial draft completed with the model's defaults (a field the model added since). */
export function completeModelDraft(def: ModelDefinition, draft: TaskDraft | undefined): TaskDraft {
  return { ...defaultModelDraft(def), ...draft };
}
