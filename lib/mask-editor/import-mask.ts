/**
 * An uploaded mask file → a "bitmap" stroke, so the editor can refine it with the same tools.
 * Pixels at or above mid-grey count as white (change), the rest as black; the form's own check
 * has already told the person when the file was not pure black and white.
 */
import { encodeRuns, createMask } from "@/lib/canvas/rasterize";
import type { Stroke } from "@/lib/canvas/types";
import { context2d, createCanvas } from "@/lib/browser-images/canvas";
import type { ImageValue } from "@/lib/browser-images/image-value";

export async function maskFileToStroke(mask: ImageValue): Promise<Stroke> {
  const img = new Image();
  img.src = mask.dataUrl;
  await img.decode();
  const canvas = createCanvas(mask.width, mask.height);
  const ctx = context2d(canvas, { willReadFrequently: true });
  ctx.drawImage(img, 0, 0);
  const rgba = ctx.getImageData(0, 0, mask.width, mask.height).data;
  const bitmap = createMask(mask.width, mask.height);
  for (let i = 0, p = 0; p < bitmap.data.length; i += 4, p++) bitmap.data[p] = rgba[i] >= 128 ? 255 : 0;
  return encodeRuns(bitmap);
}
