/**
 * How Nova Canvas reads a mask, per task. [assumed]: the gateway's page says white = edit for
 * mask_image, while Bedrock's own API uses black = edit for INPAINTING and VIRTUAL_TRY_ON
 * (contract §5). If the gateway turns out to pass masks through to Bedrock unchanged, flip
 * those two entries here and nothing else.
 */
import type { MaskPolarity } from "@/lib/models/mask-polarity";
import type { TaskType } from "@/lib/models/task-types";

export const PROVIDER_MASK_POLARITY: Record<TaskType, MaskPolarity> = {
  TEXT_IMAGE: "white-edit",
  IMAGE_VARIATION: "white-edit",
  INPAINTING: "white-edit",
  OUTPAINTING: "white-edit",
  COLOR_GUIDED_GENERATION: "white-edit",
  BACKGROUND_REMOVAL: "white-edit",
  VIRTUAL_TRY_ON: "white-edit",
};
