/**
 * Where pixels go for the pad and crop fixes, and what the automatic downscale tells the user.
 * Sizes come from the shared rules (`resizeCanvasFor`, `downscaleToFit`), so the fix lands on
 * exactly the size the rules accept; this file only centres the image in it.
 */
import { INPUT_IMAGE_LIMITS, downscaleToFit, resizeCanvasFor } from "@/lib/models";
import type { Size } from "@/lib/browser-images/image-value";

export interface PadPlacement extends Size {
  /** Where the image's top-left corner lands on the padded canvas (centred). */
  dx: number;
  dy: number;
}

export interface CropPlacement extends Size {
  /** The kept region's top-left corner in the source (centred). */
  sx: number;
  sy: number;
}

export function padPlacement(width: number, height: number): PadPlacement {
  const size = resizeCanvasFor(width, height, "pad");
  return { ...size, dx: Math.floor((size.width - width) / 2), dy: Math.floor((size.height - height) / 2) };
}

export function cropPlacement(width: number, height: number): CropPlacement {
  const size = resizeCanvasFor(width, height, "crop");
  return { ...size, sx: Math.floor((width - size.width) / 2), sy: Math.floor((height - size.height) / 2) };
}

/** The border strips a pad adds (top, bottom, left, right), so only they are filled with colour. */
export function padBorders(p: PadPlacement, width: number, height: number): { x: number; y: number; width: number; height: number }[] {
  const rects = [
    { x: 0, y: 0, width: p.width, height: p.dy },
    { x: 0, y: p.dy + height, width: p.width, height: p.height - p.dy - height },
    { x: 0, y: p.dy, width: p.dx, height },
    { x: p.dx + width, y: p.dy, width: p.width - p.dx - width, height },
  ];
  return rects.filter((r) => r.width > 0 && r.height > 0);
}

const group = (n: number) => n.toLocaleString("en-US");

/** The size an oversized image is brought to on upload, or null when it already fits. */
export function autoDownscaleSize(width: number, height: number): Size | null {
  const to = downscaleToFit(width, height);
  return to.width === width && to.height === height ? null : to;
}

/** "Downscaled from 6000×4000 to 2508×1672 to fit the 4,194,304-pixel limit". */
export function downscaleNotice(from: Size, to: Size): string {
  const L = INPUT_IMAGE_LIMITS;
  const bySide = L.maxSide / Math.max(from.width, from.height);
  const byPixels = Math.sqrt(L.maxPixels / (from.width * from.height));
  const limit = byPixels <= bySide ? `the ${group(L.maxPixels)}-pixel limit` : `the ${group(L.maxSide)} px side limit`;
  return `Downscaled from ${from.width}×${from.height} to ${to.width}×${to.height} to fit ${limit}`;
}

export type OutputFormat = "png" | "jpeg";

/**
 * PNG for anything with alpha, any mask (lossless: JPEG would turn black and white into greys)
 * and anything that was lossless to begin with; JPEG 0.92 for photos that were JPEG already.
 */
export function chooseEncoding(o: { hasAlpha: boolean; isMask: boolean; sourceFormat: string; forcePng?: boolean }): OutputFormat {
  if (o.forcePng || o.isMask || o.hasAlpha) return "png";
  return o.sourceFormat === "jpeg" ? "jpeg" : "png";
}
