/**
 * Mask polarity: the app always paints white = edit, black = keep. What the provider wants is
 * [assumed]: the gateway's page says white = edit for mask_image, while Bedrock's own API uses
 * black = edit for INPAINTING and VIRTUAL_TRY_ON (contract §5). If the gateway turns out to
 * pass masks through to Bedrock unchanged, flip those two entries here and nothing else.
 */
import type { TaskType } from "@/lib/models/options";

export type MaskPolarity = "white-edit" | "black-edit";

/** The app's own convention for painted masks (canvas, stored inputs, previews). */
export const APP_MASK_POLARITY: MaskPolarity = "white-edit";

export const PROVIDER_MASK_POLARITY: Record<TaskType, MaskPolarity> = {
  TEXT_IMAGE: "white-edit",
  IMAGE_VARIATION: "white-edit",
  INPAINTING: "white-edit",
  OUTPAINTING: "white-edit",
  COLOR_GUIDED_GENERATION: "white-edit",
  BACKGROUND_REMOVAL: "white-edit",
  VIRTUAL_TRY_ON: "white-edit",
};

/**
 * True when the app's mask must be inverted before it is sent for this task. A model that does
 * not say is taken to read masks as the app paints them (white = edit, contract §7).
 */
export function maskNeedsInversion(
  taskType: TaskType,
  polarity: Partial<Record<TaskType, MaskPolarity>> = PROVIDER_MASK_POLARITY,
): boolean {
  return (polarity[taskType] ?? APP_MASK_POLARITY) !== APP_MASK_POLARITY;
}
