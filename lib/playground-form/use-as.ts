"use client";

import { useCallback, useState } from "react";
import { imageList, isImageValue, type ImageValue, type TaskDraft } from "@/lib/playground-form/draft-types";
import { ensureHydrated } from "@/lib/playground-form/form-hydration";
import { currentDraftOf, useFormStore } from "@/lib/playground-form/form-store";
import { loadGalleryImage, type LoadImage } from "@/lib/playground-form/load-gallery-image";
import { ownsTaskDrafts } from "@/lib/playground-form/model-drafts";
import { defaultModel, TASK_FIELDS, TASK_LABELS, VARIATION_IMAGES_MAX, type ModelDefinition, type TaskType } from "@/lib/models";

/** A place a result image can go: a task and the field (role) it fills there. */
export interface UseAsTarget {
  id: string;
  /** Another model than the default one: its definition (its one task's reference images). */
  model?: ModelDefinition;
  task: TaskType;
  field: "image" | "images" | "reference_image";
  /** images only: add to the sources instead of replacing them. */
  append?: boolean;
  /** The role, e.g. "Garment"; the task's name is shown beside it. */
  role: string;
}

const roleOf = (task: TaskType, field: string) => TASK_FIELDS[task].find((f) => f.name === field)?.label ?? field;
const target = (task: TaskType, field: UseAsTarget["field"]): UseAsTarget => ({ id: `${task}.${field}`, task, field, role: roleOf(task, field) });

export const USE_AS_TARGETS: readonly UseAsTarget[] = [
  target("INPAINTING", "image"),
  target("OUTPAINTING", "image"),
  target("BACKGROUND_REMOVAL", "image"),
  { id: "IMAGE_VARIATION.images", task: "IMAGE_VARIATION", field: "images", role: "Source image" },
  { id: "IMAGE_VARIATION.images+", task: "IMAGE_VARIATION", field: "images", append: true, role: "Add to source images" },
  target("VIRTUAL_TRY_ON", "image"),
  target("VIRTUAL_TRY_ON", "reference_image"),
  target("COLOR_GUIDED_GENERATION", "reference_image"),
  target("TEXT_IMAGE", "image"),
];

export const targetLabel = (t: UseAsTarget) => `${t.model ? t.model.label : TASK_LABELS[t.task].label}: ${t.role}`;

/** At most this many images in a target's list: the field's own limit (IMAGE_VARIATION: five). */
function listMax(t: UseAsTarget): number {
  const spec = t.model?.taskFields[t.task]?.find((f) => f.name === t.field);
  return spec?.max ?? VARIATION_IMAGES_MAX;
}

/**
 * The fields to change in the target task's draft. A new source image drops a mask of another
 * size (it could not be sent with it).
 */
export function placeImage(draft: TaskDraft, t: UseAsTarget, value: ImageValue): TaskDraft {
  if (t.field === "images") {
    const list = imageList(draft.images);
    if (!t.append) return { images: [value] };
    const max = listMax(t);
    if (list.length >= max) {
      const whose = t.model ? `${t.model.label} takes at most ${max} reference images` : `Image variation takes at most ${max} source images`;
      throw new Error(`${whose}; remove one first.`);
    }
    return { images: [...list, value] };
  }
  const patch: TaskDraft = { [t.field]: value };
  const mask = draft.mask_image;
  if (t.field === "image" && isImageValue(mask) && (mask.width !== value.width || mask.height !== value.height)) {
    patch.mask_image = null;
  }
  return patch;
}

/** Loads the image, switches to the target's model and task and fills the field. */
export async function applyUseAs(t: UseAsTarget, image: { url: string; id: string }, load: LoadImage = loadGalleryImage): Promise<void> {
  await ensureHydrated();
  const value = await load(image.url, image.id);
  const model = t.model ?? defaultModel();
  const store = useFormStore.getState();
  store.setModel(model);
  if (!ownsTaskDrafts(model.id)) {
    const patch = placeImage(currentDraftOf(useFormStore.getState()), t, value);
    for (const [name, v] of Object.entries(patch)) store.setModelField(model.id, name, v);
    return;
  }
  const patch = placeImage(useFormStore.getState().drafts[t.task], t, value);
  store.setTaskType(t.task);
  for (const [name, v] of Object.entries(patch)) store.setTaskField(t.task, name, v);
}

/** applyUseAs with its pending target and error, for a menu. */
export function useUseAs() {
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const apply = useCallback(async (t: UseAsTarget, image: { url: string; id: string }): Promise<boolean> => {
    setPendingId(t.id);
    setError(null);
    try {
      await applyUseAs(t, image);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not load the image.");
      return false;
    } finally {
      setPendingId(null);
    }
  }, []);
  /** A target that cannot take the image: say why instead of doing nothing. */
  const explain = useCallback((why: string) => setError(why), []);
  return { apply, pendingId, error, explain, clearError: () => setError(null) };
}
