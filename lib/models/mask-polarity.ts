/**
 * Mask polarity: the app always paints white = edit, black = keep; each model says how it reads
 * a mask (its definition's `maskPolarity`), and the server inverts the mask before sending it
 * when the two differ (lib/jobs/store-inputs.ts).
 */
import type { TaskType } from "@/lib/models/task-types";

export type MaskPolarity = "white-edit" | "black-edit";

/** The app's own convention for painted masks (canvas, stored inputs, previews). */
export const APP_MASK_POLARITY: MaskPolarity = "white-edit";

/**
 * True when the app's mask must be inverted before it is sent for this task. A model that does
 * not say is taken to read masks as the app paints them (white = edit, contract §7).
 */
export function maskNeedsInversion(
  taskType: TaskType,
  polarity: Partial<Record<TaskType, MaskPolarity>>,
): boolean {
  return (polarity[taskType] ?? APP_MASK_POLARITY) !== APP_MASK_POLARITY;
}
