import { encodeGreyPng, encodePng } from "@/lib/emulator/encode-png";
import { keptDistance, maskBounds, maskToGrey, type Mask } from "@/lib/emulator/mask";
import { mixSeeds, mulberry32 } from "@/lib/emulator/prng";
import { addGrainInside, lumaAt } from "@/lib/emulator/raster-blend";
import type { Raster } from "@/lib/emulator/raster";
import { decodeCover, decodeRaster } from "@/lib/emulator/raster-io";
import { requestOf, variantSeed, whiteIsEdit, type RenderJob } from "@/lib/emulator/render-job";
import { tryOnRegion } from "@/lib/emulator/try-on-region";

/**
 * VIRTUAL_TRY_ON: the garment (reference_image) is scaled to cover the region's bounding box
 * and painted inside the region (try-on-region.ts); pixels outside it are the person's, byte
 * for byte. The seed shifts the garment's crop (it is scaled 12 % larger than the box and the
 * window moved) and adds a faint fabric grain, so seeds differ even for a plain garment.
 *
 * merge_style: DETAILED paints the garment as it is; BALANCED (the default) lets 8 % of the
 * person show through; SEAMLESS also carries half of the person's shading (light and folds)
 * into the garment and fades the garment in over the region's outer 4 px. preserve_body_pose
 * ON carries a third of the shading whatever the merge style.
 *
 * With return_mask the job has one more output after the images: this region as a pure
 * black-and-white PNG of the image's size, in the provider's polarity (white = garment). It is
 * rendered for index number_of_images.
 */
export async function renderVirtualTryOn(job: RenderJob): Promise<Buffer> {
  const req = requestOf(job, "VIRTUAL_TRY_ON");
  const region = await tryOnRegion(job);
  if (job.index >= req.number_of_images) {
    return encodeGreyPng(maskToGrey(region, whiteIsEdit("VIRTUAL_TRY_ON")), region.width, region.height);
  }
  const src = await decodeRaster(job.inputs.image!);
  const box = maskBounds(region);
  if (!box) return encodePng(src);
  const rng = mulberry32(mixSeeds(variantSeed(job), 0x7e57));
  const bw = box.x1 - box.x0, bh = box.y1 - box.y0;
  const garment = await decodeCover(job.inputs.reference_image!, bw, bh, { zoom: 1.12, fx: rng(), fy: rng() });

  const merge = req.merge_style ?? "BALANCED";
  const shading = (merge === "SEAMLESS" ? 0.5 : 0) + (req.preserve_body_pose === "ON" ? 0.33 : 0);
  const opacity = merge === "DETAILED" ? 1 : 0.92;
  const fade = merge === "SEAMLESS" ? keptDistance(region).dist : null;
  paintGarment(src, garment, region, box, { shading, opacity, fade });
  addGrainInside(src, region, mixSeeds(variantSeed(job), 0xfab), 2);
  return encodePng(src);
}

interface Merge {
  shading: number;
  opacity: number;
  fade: Float32Array | null;
}

function paintGarment(src: Raster, garment: Raster, region: Mask, box: { x0: number; y0: number; x1: number; y1: number }, merge: Merge): void {
  const s = src.data, g = garment.data, w = src.width;
  const meanLuma = merge.shading > 0 ? regionMeanLuma(src, region) : 1;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const p = y * w + x;
      if (!region.data[p]) continue;
      const i = p * 3, j = ((y - box.y0) * garment.width + (x - box.x0)) * 3;
      const light = merge.shading > 0 ? 1 + (Math.min(1.5, Math.max(0.5, lumaAt(s, i) / meanLuma)) - 1) * merge.shading : 1;
      const a = merge.fade ? merge.opacity * Math.min(1, merge.fade[p] / 4) : merge.opacity;
      for (let c = 0; c < 3; c++) s[i + c] += (g[j + c] * light - s[i + c]) * a;
    }
  }
}

function regionMeanLuma(src: Raster, region: Mask): number {
  let sum = 0, n = 0;
  for (let p = 0; p < region.data.length; p++) {
    if (!region.data[p]) continue;
    sum += lumaAt(src.data, p * 3);
    n++;
  }
  return n === 0 || sum === 0 ? 1 : sum / n;
}
