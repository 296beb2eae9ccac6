/** Small helpers shared by the canvas tests (not imported by app code). */
import type { MaskBitmap } from "@/lib/canvas/types";

export function pixel(mask: MaskBitmap, x: number, y: number): number {
  return mask.data[y * mask.width + x];
}

export function countWhite(mask: MaskBitmap): number {
  let n = 0;
  for (const v of mask.data) if (v === 255) n++;
  return n;
}

/** Bounding box of the white pixels, as inclusive pixel indices. */
export function whiteBounds(mask: MaskBitmap): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[y * mask.width + x] !== 255) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}

export function onlyBinary(mask: MaskBitmap): boolean {
  return mask.data.every((v) => v === 0 || v === 255);
}
