/**
 * The playground's form drafts: one per task type, keyed by request field name (snake_case).
 * Scalars are what the person typed (empty string / null = not set); images are ImageValues
 * (kept across reloads in IndexedDB, not localStorage: see draft-images-idb.ts).
 */
import type { ImageValue } from "@/lib/browser-images/image-value";
import type { TaskType } from "@/lib/models";

export type { ImageValue };

export type DraftValue = string | number | boolean | null | string[] | ImageValue | ImageValue[];
export type TaskDraft = Record<string, DraftValue>;
export type Drafts = Record<TaskType, TaskDraft>;

/**
 * UI-only draft key of INPAINTING and OUTPAINTING: the mask comes from an uploaded image or from
 * words. Never sent; only the chosen source's field is.
 */
export const MASK_BY = "mask_by";
export type MaskBy = "image" | "prompt";

/** Tasks whose mask is either mask_image or a mask prompt, chosen with a switch. */
export const MASK_SWITCH_TASKS: readonly TaskType[] = ["INPAINTING", "OUTPAINTING"];

export function isImageValue(value: unknown): value is ImageValue {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as ImageValue).dataUrl === "string"
  );
}

export function imageList(value: unknown): ImageValue[] {
  return Array.isArray(value) ? value.filter(isImageValue) : [];
}

export function maskBy(draft: TaskDraft): MaskBy {
  return draft[MASK_BY] === "prompt" ? "prompt" : "image";
}
