import { encodePng } from "@/lib/emulator/encode-png";
import { generateContent } from "@/lib/emulator/generate-content";
import type { Rgb } from "@/lib/emulator/palette";
import { lerpInto, posterizeToPalette } from "@/lib/emulator/raster-blend";
import { decodeCover } from "@/lib/emulator/raster-io";
import { requestOf, type RenderJob } from "@/lib/emulator/render-job";

/**
 * COLOR_GUIDED_GENERATION: the prompt's composition (render-text-image.ts, drawn with the
 * given colours), then posterised onto the palette by brightness rank (posterizeToPalette):
 * the darkest share of the picture takes the darkest given colour and so on, so the output is
 * made of exactly the given colours, each covering a share of it, with no blended in-between
 * colours. A reference image is mixed in at 35 % *before* that step: its light and dark areas
 * move region boundaries and choose which colour a region gets, without adding any colour of
 * its own.
 */
export const REFERENCE_WEIGHT = 0.35;

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export async function renderColorGuided(job: RenderJob): Promise<Buffer> {
  const req = requestOf(job, "COLOR_GUIDED_GENERATION");
  const palette = req.colors.map(hexToRgb);
  const out = generateContent(job, {
    prompt: req.prompt,
    negativePrompt: req.negative_prompt,
    cfgScale: req.cfg_scale,
    palette,
  });
  if (job.inputs.reference_image) {
    lerpInto(out, await decodeCover(job.inputs.reference_image, job.width, job.height), REFERENCE_WEIGHT);
  }
  posterizeToPalette(out, palette);
  return encodePng(out);
}
