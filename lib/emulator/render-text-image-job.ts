import { edgeMap, inkEdges, segmentRegions } from "@/lib/emulator/edge-map";
import { encodePng } from "@/lib/emulator/encode-png";
import { lerpInto } from "@/lib/emulator/raster-blend";
import { decodeCover } from "@/lib/emulator/raster-io";
import { requestOf, variantSeed, type RenderJob } from "@/lib/emulator/render-job";
import { synthesizeTextImage } from "@/lib/emulator/render-text-image";

/**
 * TEXT_IMAGE as a job: the prompt's picture (render-text-image.ts), steered by a condition
 * image when one is given. The condition is scaled to cover the output, then
 * - CANNY_EDGE: its edges (edge-map.ts) are inked over the picture with opacity
 *   control_strength (black on light pixels, white on dark ones);
 * - SEGMENTATION: its flat colour regions (each channel cut to three levels) are laid over the
 *   picture at 0.85 × control_strength.
 * control_strength 0 leaves the plain picture; the higher it is, the more the output's edges
 * coincide with the condition's.
 */
export const SEGMENTATION_WEIGHT = 0.85;

export async function renderTextImageJob(job: RenderJob): Promise<Buffer> {
  const req = requestOf(job, "TEXT_IMAGE");
  const out = synthesizeTextImage({
    prompt: req.prompt,
    negativePrompt: req.negative_prompt,
    style: req.style,
    cfgScale: req.cfg_scale,
    width: job.width,
    height: job.height,
    variantSeed: variantSeed(job),
  });
  const strength = req.control_strength ?? 0;
  if (job.inputs.image && strength > 0) {
    const condition = await decodeCover(job.inputs.image, job.width, job.height);
    if (req.control_mode === "SEGMENTATION") lerpInto(out, segmentRegions(condition), SEGMENTATION_WEIGHT * strength);
    else inkEdges(out, edgeMap(condition), strength);
  }
  return encodePng(out);
}
