import { editRegion } from "@/lib/emulator/edit-region";
import { encodePng } from "@/lib/emulator/encode-png";
import { generateContent, paletteOf } from "@/lib/emulator/generate-content";
import { keptDistance, type Mask } from "@/lib/emulator/mask";
import { copyInside } from "@/lib/emulator/raster-blend";
import type { Raster } from "@/lib/emulator/raster";
import { decodeRaster } from "@/lib/emulator/raster-io";
import { requestOf, variantSeedIgnoring, type RenderJob } from "@/lib/emulator/render-job";

/**
 * OUTPAINTING: the kept region is the source, byte for byte; the edit region is new content
 * from the prompt (in the source's colours unless the prompt names some).
 *
 * outpainting_mode decides the seam, always on the generated side (the kept side never
 * changes): PRECISE puts the new content right up against the kept pixels, a hard edge.
 * DEFAULT blends it in over a band (3 % of the long side, at least 6 px) next to the kept
 * region: at the boundary the colour is that of the nearest kept pixel, and it eases
 * (smoothstep) into the generated content at the band's far edge. Beyond the band both modes
 * give the same pixels: the generated content is seeded without outpainting_mode.
 */
export function seamBand(width: number, height: number): number {
  return Math.max(6, Math.round(Math.max(width, height) * 0.03));
}

export async function renderOutpainting(job: RenderJob): Promise<Buffer> {
  const req = requestOf(job, "OUTPAINTING");
  const [src, mask] = await Promise.all([decodeRaster(job.inputs.image!), editRegion(job)]);
  const content = generateContent(job, {
    prompt: req.prompt,
    negativePrompt: req.negative_prompt,
    cfgScale: req.cfg_scale,
    fallbackPalette: paletteOf(src),
    variantSeed: variantSeedIgnoring(job, ["outpainting_mode"]),
  });
  if (req.outpainting_mode === "DEFAULT") blendSeam(content, src, mask);
  copyInside(src, content, mask);
  return encodePng(src);
}

/** Within the band, content ← mix(nearest kept pixel's colour, content, smoothstep(distance / band)). */
function blendSeam(content: Raster, src: Raster, mask: Mask): void {
  const band = seamBand(mask.width, mask.height);
  const { dist, nearest } = keptDistance(mask);
  const c = content.data, s = src.data;
  for (let p = 0; p < dist.length; p++) {
    const d = dist[p];
    if (d === 0 || d >= band || nearest[p] < 0) continue;
    const t = d / band;
    const w = t * t * (3 - 2 * t);
    const k = nearest[p] * 3;
    for (let i = p * 3, j = 0; j < 3; i++, j++) c[i] = s[k + j] + (c[i] - s[k + j]) * w;
  }
}
