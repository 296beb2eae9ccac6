/**
 * Grow and shrink by n px: binary dilation and erosion by a Euclidean disc of radius n (a pixel
 * centre within n px of the set), in two separable integer passes, O(width × height) for any n,
 * so 4096 × 4096 stays well under a second where stamping a disc per pixel would be O(pixels × n²).
 *
 * Pass 1 (columns): g = vertical distance to the nearest target pixel, capped at n + 1.
 * Pass 2 (rows): pixel x is within n of a target iff some column q has (x - q)² + g(q)² ≤ n²,
 * i.e. |x - q| ≤ ⌊√(n² − g(q)²)⌋. Each q thus covers one interval of the row; a running maximum
 * over the interval ends marks the union. All integers, so the result is exact.
 *
 * Pixels outside the image are "unknown", not black: shrinking a full mask leaves it full, and a
 * region touching the image edge does not retreat from it, which is what a person expects.
 */
import type { MaskBitmap } from "@/lib/canvas/types";

/** Every pixel within r of a `target` pixel becomes `target`; all others become the opposite. */
function spreadValue(mask: MaskBitmap, target: 0 | 255, r: number): void {
  const { width: w, height: h, data } = mask;
  const cap = r + 1;
  const col = new Uint16Array(w * h);
  // Row-major sweeps (down, then up) rather than column walks, for cache locality.
  for (let x = 0; x < w; x++) col[x] = data[x] === target ? 0 : cap;
  for (let y = 1; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const above = col[row - w + x] + 1;
      col[row + x] = data[row + x] === target ? 0 : above < cap ? above : cap;
    }
  }
  for (let y = h - 2; y >= 0; y--) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const below = col[row + w + x] + 1;
      if (below < col[row + x]) col[row + x] = below;
    }
  }
  // Half-width of the disc's chord at vertical offset g.
  const half = new Int32Array(cap);
  for (let g = 0; g <= r; g++) half[g] = Math.floor(Math.sqrt(r * r - g * g));
  const other = 255 - target;
  const reach = new Int32Array(w);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    reach.fill(-1);
    for (let q = 0; q < w; q++) {
      const g = col[row + q];
      if (g > r) continue;
      const start = q - half[g] < 0 ? 0 : q - half[g];
      const end = q + half[g];
      if (end > reach[start]) reach[start] = end;
    }
    let run = -1;
    for (let x = 0; x < w; x++) {
      if (reach[x] > run) run = reach[x];
      data[row + x] = run >= x ? target : other;
    }
  }
}

/** Radii beyond the image's size act like it; also keeps the cap inside Uint16. */
function effectiveRadius(mask: MaskBitmap, n: number): number {
  return Math.min(Math.floor(n), mask.width + mask.height);
}

/** Dilate in place: a pixel turns white when some white pixel centre lies within n px. */
export function growMask(mask: MaskBitmap, n: number): void {
  const r = effectiveRadius(mask, n);
  if (r > 0) spreadValue(mask, 255, r);
}

/** Erode in place: a white pixel stays white only when no black pixel centre lies within n px. */
export function shrinkMask(mask: MaskBitmap, n: number): void {
  const r = effectiveRadius(mask, n);
  if (r > 0) spreadValue(mask, 0, r);
}
