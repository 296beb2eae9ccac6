import { editRegion } from "@/lib/emulator/edit-region";
import { encodePng } from "@/lib/emulator/encode-png";
import { fillFromSurroundings } from "@/lib/emulator/fill-from-surroundings";
import { generateContent, paletteOf } from "@/lib/emulator/generate-content";
import { mixSeeds } from "@/lib/emulator/prng";
import { addGrainInside, copyInside } from "@/lib/emulator/raster-blend";
import { decodeRaster } from "@/lib/emulator/raster-io";
import { requestOf, variantSeed, type RenderJob } from "@/lib/emulator/render-job";

/**
 * INPAINTING: only the edit region changes; every other pixel is the source's, byte for byte.
 * With a prompt the region gets new content drawn from the prompt (in the source's colours
 * unless the prompt names some). Without one the masked object is removed: the region is
 * rebuilt from the pixels around it (fill-from-surroundings.ts) with a faint seeded grain, so
 * each seed still gives its own result.
 */
export async function renderInpainting(job: RenderJob): Promise<Buffer> {
  const req = requestOf(job, "INPAINTING");
  const [src, mask] = await Promise.all([decodeRaster(job.inputs.image!), editRegion(job)]);
  if (req.prompt === undefined) {
    const filled = fillFromSurroundings(src, mask);
    addGrainInside(filled, mask, mixSeeds(variantSeed(job), 0x1f111), 3);
    return encodePng(filled);
  }
  const content = generateContent(job, {
    prompt: req.prompt,
    negativePrompt: req.negative_prompt,
    cfgScale: req.cfg_scale,
    fallbackPalette: paletteOf(src),
  });
  copyInside(src, content, mask);
  return encodePng(src);
}
