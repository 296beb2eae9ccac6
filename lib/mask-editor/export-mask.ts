/**
 * A painted mask → the PNG the request carries. Rendered from the strokes at the source image's
 * size (never read off the screen), in the app's polarity (white = change; the server applies
 * the provider's polarity, see lib/models/mask-polarity), pure black and white by construction.
 */
import { toRgba } from "@/lib/canvas/rasterize";
import type { MaskBitmap } from "@/lib/canvas/types";
import { context2d, createCanvas } from "@/lib/browser-images/canvas";
import { encodeCanvas } from "@/lib/browser-images/encode";
import type { ImageValue } from "@/lib/browser-images/image-value";
import { APP_MASK_POLARITY } from "@/lib/models/mask-polarity";

/** The name a painted mask carries in the form, so it is told apart from an uploaded file. */
export const PAINTED_MASK_NAME = "painted mask";

export interface PaintedMaskValue extends ImageValue {
  /** Which document and revision this PNG was made from. */
  painted: { key: string; revision: number };
}

export function isPaintedMask(v: unknown): v is PaintedMaskValue {
  return typeof v === "object" && v !== null && "painted" in v;
}

export async function bitmapToPng(mask: MaskBitmap): Promise<{ dataUrl: string; bytes: number }> {
  const canvas = createCanvas(mask.width, mask.height);
  const ctx = context2d(canvas);
  ctx.putImageData(new ImageData(toRgba(mask, APP_MASK_POLARITY), mask.width, mask.height), 0, 0);
  return encodeCanvas(canvas, "png");
}

/** The form value for a mask rendered from its strokes (`rasterizeMask`). */
export async function exportMaskValue(mask: MaskBitmap, source: { key: string; revision: number }): Promise<PaintedMaskValue> {
  const { dataUrl, bytes } = await bitmapToPng(mask);
  return {
    dataUrl,
    width: mask.width,
    height: mask.height,
    format: "png",
    name: PAINTED_MASK_NAME,
    bytes,
    translucentPixels: 0,
    nonBinaryPixels: 0,
    painted: source,
  };
}
