import { backgroundMask } from "@/lib/emulator/background-mask";
import { encodeRgbaPng } from "@/lib/emulator/encode-png";
import { decodeRaster } from "@/lib/emulator/raster-io";
import type { RenderJob } from "@/lib/emulator/render-job";

/**
 * BACKGROUND_REMOVAL: an RGBA PNG of the source's size; background pixels (background-mask.ts:
 * a flood fill from the border) get alpha 0 and colour 0, the subject alpha 255 and its own
 * colour. It depends on the image alone: the task takes no seed or other setting.
 */
export async function renderBackgroundRemoval(job: RenderJob): Promise<Buffer> {
  const src = await decodeRaster(job.inputs.image!);
  const bg = backgroundMask(src);
  const alpha = new Uint8Array(bg.length);
  for (let p = 0; p < bg.length; p++) {
    if (bg[p]) src.data.fill(0, p * 3, p * 3 + 3);
    else alpha[p] = 255;
  }
  return encodeRgbaPng(src, alpha);
}
