/**
 * The two pixel facts the rules need, counted from RGBA bytes (what getImageData returns).
 * Pure, so the counting is tested in node; the DOM side feeds it strips of a canvas.
 */
export interface PixelFacts {
  /** Pixels with alpha below 255. */
  translucentPixels: number;
  /**
   * Pixels that are not pure opaque black (0,0,0) or pure opaque white (255,255,255). A
   * translucent pixel counts: its colour depends on what it is shown over, so it is not a
   * definite "keep" or "edit" (stricter than the server, which ignores alpha, never looser).
   */
  nonBinaryPixels: number;
}

export function countPixelFacts(rgba: Uint8ClampedArray | Uint8Array, into: PixelFacts = { translucentPixels: 0, nonBinaryPixels: 0 }): PixelFacts {
  let translucent = into.translucentPixels;
  let nonBinary = into.nonBinaryPixels;
  for (let i = 0; i < rgba.length; i += 4) {
    const r = rgba[i];
    const a = rgba[i + 3];
    if (a !== 255) {
      translucent++;
      nonBinary++;
    } else if ((r !== 0 && r !== 255) || rgba[i + 1] !== r || rgba[i + 2] !== r) {
      nonBinary++;
    }
  }
  return { translucentPixels: translucent, nonBinaryPixels: nonBinary };
}

/**
 * Threshold a mask in place: luminance over black (alpha scales it) at 50 %, opaque black or
 * white. Used by the "Make pure black and white" fix.
 */
export function thresholdRgba(rgba: Uint8ClampedArray | Uint8Array): void {
  for (let i = 0; i < rgba.length; i += 4) {
    const lum = (0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]) * (rgba[i + 3] / 255);
    const v = lum >= 127.5 ? 255 : 0;
    rgba[i] = v;
    rgba[i + 1] = v;
    rgba[i + 2] = v;
    rgba[i + 3] = 255;
  }
}
