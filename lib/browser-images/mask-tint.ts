/**
 * The overlay of a mask over its image: white (edit) becomes semi-transparent red, black (keep)
 * fully transparent, greys in between, so a badly thresholded mask looks as soft as it is.
 * In place on RGBA bytes (pure, tested in node); the DOM part is `renderMaskTint`.
 */
export const TINT_RGB = [239, 68, 68] as const;
/** Opacity of the red over a fully white mask pixel. */
export const TINT_OPACITY = 0.55;

export function tintMaskRgba(rgba: Uint8ClampedArray | Uint8Array): void {
  const [r, g, b] = TINT_RGB;
  for (let i = 0; i < rgba.length; i += 4) {
    const white = ((0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]) / 255) * (rgba[i + 3] / 255);
    rgba[i] = r;
    rgba[i + 1] = g;
    rgba[i + 2] = b;
    rgba[i + 3] = Math.round(white * TINT_OPACITY * 255);
  }
}
