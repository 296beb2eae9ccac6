/**
 * Output pixel size for aspect_ratio × size_scale. [assumed] The gateway documents only
 * "small: long side ≤ 1024, large: long side ≤ 2048" and "4:1/1:4 small is 1280×320"; this is
 * the one place that turns that into numbers, so a confirmed table is a one-file change.
 *
 * Rule: the long side is 1024 (small) or 2048 (large); the short side is long ÷ ratio rounded
 * to the NEAREST multiple of 16 (Nova wants sides divisible by 16), e.g. 3:2 large:
 * 2048 ÷ 1.5 = 1365.3 → 1360. If the short side would fall under Nova's 320 px minimum, it
 * becomes 320 and the long side 320 × ratio (4:1 small → 1280×320). Only 4:1 and 1:4 small
 * are clamped; every side stays within 320..2048.
 */
import type { Size } from "@/lib/models/model-definition";
import type { AspectRatio, SizeScale } from "@/lib/models/nova-canvas/options";

export type { Size };

export const LONG_SIDE: Record<SizeScale, number> = { small: 1024, large: 2048 };
export const MIN_SIDE = 320;
const STEP = 16;

const roundToStep = (n: number): number => Math.round(n / STEP) * STEP;

export function outputSize(aspectRatio: AspectRatio, sizeScale: SizeScale): Size {
  const [w, h] = aspectRatio.split(":").map(Number);
  const ratio = Math.max(w, h) / Math.min(w, h);
  let long = LONG_SIDE[sizeScale];
  let short = roundToStep(long / ratio);
  if (short < MIN_SIDE) {
    short = MIN_SIDE;
    long = roundToStep(MIN_SIDE * ratio);
  }
  return w >= h ? { width: long, height: short } : { width: short, height: long };
}
