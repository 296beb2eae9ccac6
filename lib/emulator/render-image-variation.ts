import { encodePng } from "@/lib/emulator/encode-png";
import { generateContent, paletteOf } from "@/lib/emulator/generate-content";
import { averageRasters, lerpInto } from "@/lib/emulator/raster-blend";
import { decodeCover } from "@/lib/emulator/raster-io";
import { requestOf, type RenderJob } from "@/lib/emulator/render-job";

/**
 * IMAGE_VARIATION: the sources (1–5, each scaled to cover the output size) are averaged, and
 * the result is mixed with new content generated from the prompt and seed in the sources' own
 * colours. similarity_strength s decides the mix: the sources weigh s − 0.05 (0.15 at 0.2,
 * 0.95 at 1.0), so the output's distance to the sources falls steadily as s rises and never
 * reaches zero (every seed still gives its own variation).
 */
export function sourceWeight(similarity: number): number {
  return similarity - 0.05;
}

export async function renderImageVariation(job: RenderJob): Promise<Buffer> {
  const req = requestOf(job, "IMAGE_VARIATION");
  const sources = job.inputs.images ?? (job.inputs.image ? [job.inputs.image] : []);
  if (sources.length === 0) throw new Error("IMAGE_VARIATION job without a source image");
  const scaled = await Promise.all(sources.map((b) => decodeCover(b, job.width, job.height)));
  const base = scaled.length === 1 ? scaled[0] : averageRasters(scaled);
  const out = generateContent(job, {
    prompt: req.prompt,
    negativePrompt: req.negative_prompt,
    cfgScale: req.cfg_scale,
    fallbackPalette: paletteOf(base),
  });
  lerpInto(out, base, sourceWeight(req.similarity_strength));
  return encodePng(out);
}
