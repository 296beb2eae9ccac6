"use client";

import { useEffect } from "react";
import type { ApiModel } from "@/lib/api-types";
import { useFormStore } from "@/lib/playground-form/form-store";
import { resolveModelId, whyUnavailable } from "@/lib/playground-form/model-choice";
import { definitionOf, useModels } from "@/lib/queries/use-models";
import { defaultModel, getModel, type ModelDefinition, type TaskRecord, type TaskType } from "@/lib/models";
import type { MaskPolarity } from "@/lib/models/mask-polarity";
import { ownsTaskDrafts } from "@/lib/playground-form/model-drafts";

export interface ChosenModel {
  /** The offered models; undefined while loading or when the list could not be read. */
  models: ApiModel[] | undefined;
  /** The chosen model's entry in that list. */
  offered: ApiModel | undefined;
  /** The rules the form runs with: a built-in model's work before the list arrives; null while unknown. */
  definition: ModelDefinition | null;
  /** The task the form shows: the default model's chosen task, else the model's one task. */
  task: TaskType;
  /** Why the chosen model cannot run now, or null. */
  unavailable: string | null;
}

/**
 * The chosen model with its rules and state. Once the list is in, a remembered model that is no
 * longer offered gives way to the first available one, and the chosen model's draft is completed
 * with its fields' defaults (setModel).
 */
export function useChosenModel(): ChosenModel {
  const query = useModels();
  const models = query.data;
  const modelId = useFormStore((s) => s.modelId);
  const nativeTask = useFormStore((s) => s.taskType);
  const setModel = useFormStore((s) => s.setModel);
  const offered = models?.find((m) => m.id === modelId);
  const definition = offered ? definitionOf(offered) : (getModel(modelId) ?? null);

  useEffect(() => {
    if (!models) return;
    const id = resolveModelId(models, modelId);
    const target = id ? models.find((m) => m.id === id) : undefined;
    const def = target ? definitionOf(target) : null;
    if (def) setModel(def);
  }, [models, modelId, setModel]);

  const task = definition && !ownsTaskDrafts(definition.id) ? definition.defaultTaskType : nativeTask;
  return { models, offered, definition, task, unavailable: offered ? whyUnavailable(offered) : null };
}

/**
 * How the chosen model reads a mask, per task, for the mask views and editor. Only the default
 * model's form has them today; until the list says otherwise its polarity is the default model's.
 */
export function useChosenMaskPolarity(): TaskRecord<MaskPolarity> {
  const modelId = useFormStore((s) => s.modelId);
  const { data: models } = useModels();
  const offered = models?.find((m) => m.id === modelId);
  return ((offered ? definitionOf(offered) : getModel(modelId)) ?? defaultModel()).maskPolarity;
}
