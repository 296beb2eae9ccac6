"use client";

import { useCallback, useState } from "react";
import type { ApiInput, ApiJob, ApiModel } from "@/lib/api-types";
import { MASK_SWITCH_TASKS, type DraftValue, type ImageValue, type TaskDraft } from "@/lib/playground-form/draft-types";
import { ensureHydrated } from "@/lib/playground-form/form-hydration";
import { useFormStore } from "@/lib/playground-form/form-store";
import { loadGalleryImage, type LoadImage } from "@/lib/playground-form/load-gallery-image";
import { randomSeed } from "@/lib/playground-form/random-seed";
import { defaultModelDraft, fitsField, ownsTaskDrafts } from "@/lib/playground-form/model-drafts";
import { leftOutParams, planReuse, reuseNotice } from "@/lib/playground-form/reuse-plan";
import { defaultDraft, fieldsOf, usesField } from "@/lib/playground-form/task-drafts";
import { useModels } from "@/lib/queries/use-models";
import type { FieldSpec, ModelDefinition, TaskType } from "@/lib/models";

/** Stored params hold inputs as `{ input: sha256 }` (no bytes in the database). */
const isInputRef = (v: unknown): v is { input: string } =>
  typeof v === "object" && v !== null && typeof (v as { input?: unknown }).input === "string";

function loadParamImage(value: unknown, inputs: ApiInput[], load: LoadImage, kind: "image" | "mask" = "image"): Promise<ImageValue> {
  if (isInputRef(value)) {
    const meta = inputs.find((i) => i.sha256 === value.input);
    return load(meta?.url ?? `/api/inputs/${encodeURIComponent(value.input)}`, meta?.sourceImageId ?? "", kind);
  }
  if (typeof value === "string" && /^(https?:|data:)/i.test(value)) return load(value, "", kind);
  return Promise.reject(new Error("not an image reference"));
}

function scalarOf(spec: FieldSpec, value: unknown): DraftValue | undefined {
  switch (spec.kind) {
    case "number":
    case "slider":
    case "seed":
      return typeof value === "number" ? value : undefined;
    case "toggle":
      return typeof value === "boolean" ? value : undefined;
    case "colors":
      return Array.isArray(value) && value.every((c) => typeof c === "string") ? (value as string[]) : undefined;
    default:
      return typeof value === "string" ? value : undefined;
  }
}

/** Scalar kinds whose value must fit the field's options and range when a job moves to another model. */
const CHECKED_KINDS = new Set(["prompt", "text", "select", "number", "slider", "seed"]);

interface ParamsToDraftOptions {
  /** The model whose task the draft is for (the default model unless given). */
  model?: ModelDefinition;
  /** Leave out scalars that do not fit the field (a job from another model); they are named in `unfit`. */
  fit?: boolean;
}

/**
 * A job's params as a draft of a task: scalars copied, images loaded; `failed` names images that
 * could not be, `unfit` values the field could not take.
 */
export async function paramsToDraft(task: TaskType, params: Record<string, unknown>, inputs: ApiInput[], load: LoadImage, options: ParamsToDraftOptions = {}) {
  const { model, fit = false } = options;
  const p = { ...params };
  // The form edits both spellings of the mask prompt as mask_prompt, and one variation source as images.
  if (p.inpaint_mask_prompt !== undefined && p.mask_prompt === undefined) p.mask_prompt = p.inpaint_mask_prompt;
  if (task === "IMAGE_VARIATION" && p.image !== undefined) p.images = [p.image];
  const draft = model && !ownsTaskDrafts(model.id) ? defaultModelDraft(model) : defaultDraft(task);
  const failed: string[] = [];
  const unfit: string[] = [];
  const loads: Promise<void>[] = [];
  for (const spec of fieldsOf(task, model)) {
    const value = p[spec.name];
    if (value === undefined || (task === "IMAGE_VARIATION" && spec.name === "image")) continue;
    if (spec.kind === "image") {
      const kind = spec.name === "mask_image" ? "mask" : "image";
      loads.push(loadParamImage(value, inputs, load, kind).then((v) => void (draft[spec.name] = v), () => void failed.push(spec.name)));
    } else if (spec.kind === "images") {
      const list = Array.isArray(value) ? value : [];
      const settled = Promise.allSettled(list.map((item) => loadParamImage(item, inputs, load)));
      loads.push(settled.then((all) => {
        draft[spec.name] = all.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
        if (all.some((r) => r.status === "rejected")) failed.push(spec.name);
      }));
    } else {
      const scalar = scalarOf(spec, value);
      if (fit && CHECKED_KINDS.has(spec.kind) && !fitsField(spec, scalar)) unfit.push(spec.name);
      else if (scalar !== undefined) draft[spec.name] = scalar;
    }
  }
  await Promise.all(loads);
  if (MASK_SWITCH_TASKS.includes(task)) draft.mask_by = p.mask_image !== undefined ? "image" : "prompt";
  return { draft, failed, unfit };
}

/**
 * Loads a job's parameters into its model's task (planReuse: another model when its own cannot
 * run, with a notice in the form saying why and what was left out) and switches to it. With the
 * seed, the seed is locked (the run repeats); without, it is unlocked and a fresh one rolled.
 */
export async function reuseJobParams(
  job: ApiJob,
  withSeed: boolean,
  load: LoadImage = loadGalleryImage,
  models: readonly ApiModel[] | undefined = undefined,
) {
  await ensureHydrated();
  const plan = planReuse(job, models, useFormStore.getState().modelId);
  if (!plan.ok) throw new Error(plan.message);
  const { model, task, reason } = plan;
  const { draft, failed, unfit } = await paramsToDraft(task, job.params, job.inputs ?? [], load, { model, fit: reason !== null });
  const store = useFormStore.getState();
  if (usesField(task, "seed", model)) {
    const seed = job.seed ?? (typeof job.params.seed === "number" ? job.params.seed : null);
    const fits = seed !== null && fitsField(fieldsOf(task, model).find((f) => f.name === "seed")!, seed);
    draft.seed = withSeed && fits ? seed : randomSeed();
    store.setSeedLocked(withSeed && fits);
  }
  if (ownsTaskDrafts(model.id)) store.loadDraft(task, draft as TaskDraft);
  else store.loadModelDraft(model, draft as TaskDraft);
  const leftOut = reason === null ? [] : [...new Set([...leftOutParams(job.params, model, task), ...unfit])];
  store.setNotice(reason === null ? null : reuseNotice(reason, model, leftOut));
  return { failed };
}

/**
 * reuseJobParams with its pending state and a message when an image could not be loaded.
 * Resolves to true when everything loaded (so a caller elsewhere may go to the form).
 */
export function useReuseParams() {
  const [pending, setPending] = useState<"params" | "seed" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { data: models } = useModels();
  const reuse = useCallback(async (job: ApiJob, withSeed: boolean): Promise<boolean> => {
    setPending(withSeed ? "seed" : "params");
    setError(null);
    try {
      const { failed } = await reuseJobParams(job, withSeed, loadGalleryImage, models);
      if (failed.length > 0) setError(`Loaded the parameters, but not ${failed.join(", ")}: add ${failed.length === 1 ? "it" : "them"} again.`);
      return failed.length === 0;
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not load the parameters.");
      return false;
    } finally {
      setPending(null);
    }
  }, [models]);
  return { reuse, pending, error };
}
