import { renderBackgroundRemoval } from "@/lib/emulator/render-background-removal";
import { renderColorGuided } from "@/lib/emulator/render-color-guided";
import { renderImageVariation } from "@/lib/emulator/render-image-variation";
import { renderInpainting } from "@/lib/emulator/render-inpainting";
import type { Renderer } from "@/lib/emulator/render-job";
import { renderOutpainting } from "@/lib/emulator/render-outpainting";
import { renderTextImageJob } from "@/lib/emulator/render-text-image-job";
import { renderVirtualTryOn } from "@/lib/emulator/render-virtual-try-on";
import type { TaskType } from "@/lib/models";

/**
 * How the offline engine synthesises each task type (README "Synthesis"): one renderer per
 * file, each a pure function of the request, its input bytes, the seed and the image index.
 */
export { variantSeed, type RenderJob, type Renderer } from "@/lib/emulator/render-job";

const RENDERERS: Record<TaskType, Renderer> = {
  TEXT_IMAGE: renderTextImageJob,
  IMAGE_VARIATION: renderImageVariation,
  INPAINTING: renderInpainting,
  OUTPAINTING: renderOutpainting,
  COLOR_GUIDED_GENERATION: renderColorGuided,
  BACKGROUND_REMOVAL: renderBackgroundRemoval,
  VIRTUAL_TRY_ON: renderVirtualTryOn,
};

export function rendererFor(taskType: TaskType): Renderer {
  return RENDERERS[taskType];
}
