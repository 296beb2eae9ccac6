import sharp from "sharp";
import type { Raster } from "@/lib/emulator/raster";

/**
 * The only place pixels become a file. Options are pinned (no adaptive filtering, fixed
 * compression, no metadata) because byte-identical output for the same request is part of the
 * engine's contract.
 */
const PNG_OPTIONS = { compressionLevel: 6, adaptiveFiltering: false } as const;

function encodeRaw(data: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: 1 | 3 | 4): Promise<Buffer> {
  const pixels = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return sharp(pixels, { raw: { width, height, channels } }).png(PNG_OPTIONS).toBuffer();
}

export function encodePng(r: Raster): Promise<Buffer> {
  return encodeRaw(r.data, r.width, r.height, 3);
}

/** RGB raster plus one alpha byte per pixel → RGBA PNG (background removal). */
export function encodeRgbaPng(r: Raster, alpha: Uint8Array): Promise<Buffer> {
  const rgba = new Uint8Array(r.width * r.height * 4);
  for (let p = 0, i = 0, j = 0; p < alpha.length; p++, i += 3, j += 4) {
    rgba[j] = r.data[i];
    rgba[j + 1] = r.data[i + 1];
    rgba[j + 2] = r.data[i + 2];
    rgba[j + 3] = alpha[p];
  }
  return encodeRaw(rgba, r.width, r.height, 4);
}

/** One byte per pixel → 8-bit greyscale PNG (masks: exactly 0 and 255). */
export function encodeGreyPng(grey: Uint8Array, width: number, height: number): Promise<Buffer> {
  return encodeRaw(grey, width, height, 1);
}
