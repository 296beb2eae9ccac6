/**
 * Output sizes of the catalog's models [assumed, contract §7: the pages give a pixel limit and
 * an aspect_ratio list, not sizes]: the largest size of that aspect ratio within the pixel
 * budget, both sides multiples of 16 (as the providers' latent grids want).
 */
export interface OutputSize {
  width: number;
  height: number;
}

const STEP = 16;
/** [assumed] The smallest side a `resolution` may ask for. */
export const MIN_RESOLUTION_SIDE = 256;

const down = (v: number) => Math.max(STEP, Math.floor(v / STEP) * STEP);

/** `aspect` is "W:H" (validated against the model's enum before it gets here). */
export function sizeForAspect(aspect: string, pixelBudget: number): OutputSize {
  const [w, h] = aspect.split(":").map(Number);
  const ratio = w > 0 && h > 0 ? w / h : 1;
  const width = down(Math.sqrt(pixelBudget * ratio));
  return { width, height: down(width / ratio) };
}

/** "WxH" → the size, or the reason it is not one this model can make. */
export function parseResolution(resolution: string, maxPixels: number): OutputSize | string {
  const m = /^(\d{1,5})x(\d{1,5})$/.exec(resolution);
  if (!m) return `resolution must be WxH in pixels, e.g. 1024x768 (got ${JSON.stringify(resolution.slice(0, 40))})`;
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width % STEP !== 0 || height % STEP !== 0 || width < MIN_RESOLUTION_SIDE || height < MIN_RESOLUTION_SIDE) {
    return `resolution sides must be multiples of ${STEP} of at least ${MIN_RESOLUTION_SIDE} px (got ${resolution})`;
  }
  if (width * height > maxPixels) {
    return `resolution ${resolution} is ${(width * height).toLocaleString("en-US")} px; this model makes at most ${maxPixels.toLocaleString("en-US")} px`;
  }
  return { width, height };
}
