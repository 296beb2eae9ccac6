import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import { renderBackgroundRemoval } from "@/lib/emulator/render-background-removal";
import { renderColorGuided } from "@/lib/emulator/render-color-guided";
import { renderImageVariation } from "@/lib/emulator/render-image-variation";
import { renderInpainting } from "@/lib/emulator/render-inpainting";
import { renderFluxJob } from "@/lib/emulator/render-flux";
import type { EngineRequest, Renderer } from "@/lib/emulator/render-job";
import { renderOutpainting } from "@/lib/emulator/render-outpainting";
import { renderSeedreamJob } from "@/lib/emulator/render-seedream";
import { renderTextImageJob } from "@/lib/emulator/render-text-image-job";
import { renderVirtualTryOn } from "@/lib/emulator/render-virtual-try-on";
import type { TaskType } from "@/lib/models";

/**
 * How the offline engine synthesises each task type, and each of the catalog's other image
 * models (README "Synthesis"): one renderer per file, each a pure function of the request, its
 * input bytes, the seed and the image index.
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

const MODEL_RENDERERS: Record<string, Renderer> = {
  [FLUX_KLEIN_ID]: renderFluxJob,
  [SEEDREAM_LITE_ID]: renderSeedreamJob,
};

/** A task type picks the renderer of the first model's jobs; a model id, a catalog model's. */
export function rendererFor(request: EngineRequest): Renderer {
  if (request.task_type !== undefined) return RENDERERS[request.task_type];
  const render = Object.hasOwn(MODEL_RENDERERS, request.model) ? MODEL_RENDERERS[request.model] : undefined;
  if (!render) throw new Error(`no renderer for model ${request.model}`);
  return render;
}
