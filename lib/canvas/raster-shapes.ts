/**
 * Shape coverage for the rasteriser. One rule everywhere: a pixel belongs to a shape when its
 * centre (i + 0.5, j + 0.5) does. That makes the output binary by construction (no coverage
 * fractions, so no grey edges) and makes simple areas exact: a rect from (10, 10) of 20 × 5
 * covers exactly 100 pixels.
 */
import type { MaskBitmap, Point } from "@/lib/canvas/types";

/** Pixel-index range [from, to) whose centres lie in [a, b), clipped to [0, limit). */
function centreSpan(a: number, b: number, limit: number): [number, number] {
  const from = Math.max(0, Math.ceil(a - 0.5));
  const to = Math.min(limit, Math.ceil(b - 0.5));
  return [from, to];
}

/** Paint a disc swept along a to b (a capsule): every pixel centre within `radius` of the segment. */
export function paintCapsule(mask: MaskBitmap, a: Point, b: Point, radius: number, value: number): void {
  const { width, height, data } = mask;
  const r2 = radius * radius;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const [x0, x1] = centreSpan(Math.min(a.x, b.x) - radius, Math.max(a.x, b.x) + radius + 1e-9, width);
  const [y0, y1] = centreSpan(Math.min(a.y, b.y) - radius, Math.max(a.y, b.y) + radius + 1e-9, height);
  for (let j = y0; j < y1; j++) {
    const py = j + 0.5;
    const row = j * width;
    for (let i = x0; i < x1; i++) {
      const px = i + 0.5;
      // Closest point of the segment to the pixel centre; a degenerate segment is a disc.
      let t = len2 > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = a.x + t * dx - px;
      const ey = a.y + t * dy - py;
      if (ex * ex + ey * ey <= r2) data[row + i] = value;
    }
  }
}

/** A polyline of capsules: consecutive capsules share their end discs, so the cover has no gaps. */
export function paintPolyline(mask: MaskBitmap, points: readonly Point[], radius: number, value: number): void {
  if (points.length === 0 || radius <= 0) return;
  if (points.length === 1) paintCapsule(mask, points[0], points[0], radius, value);
  for (let k = 1; k < points.length; k++) paintCapsule(mask, points[k - 1], points[k], radius, value);
}

export function paintRect(mask: MaskBitmap, x: number, y: number, w: number, h: number, value: number): void {
  const [x0, x1] = centreSpan(Math.min(x, x + w), Math.max(x, x + w), mask.width);
  const [y0, y1] = centreSpan(Math.min(y, y + h), Math.max(y, y + h), mask.height);
  for (let j = y0; j < y1; j++) mask.data.fill(value, j * mask.width + x0, j * mask.width + x1);
}

/**
 * Scanline fill with the NONZERO winding rule: a freehand lasso that circles an area twice, or
 * crosses itself, still selects everything it went around, instead of leaving even-odd holes
 * that the person did not mean to draw.
 */
export function paintPolygon(mask: MaskBitmap, points: readonly Point[], value: number): void {
  const n = points.length;
  if (n < 3) return;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const [y0, y1] = centreSpan(minY, maxY, mask.height);
  const crossings: { x: number; dir: number }[] = [];
  for (let j = y0; j < y1; j++) {
    const sy = j + 0.5;
    crossings.length = 0;
    for (let k = 0; k < n; k++) {
      const a = points[k];
      const b = points[(k + 1) % n];
      // Half-open in y, so a vertex exactly on the scanline is counted once, not twice.
      if (a.y <= sy === b.y <= sy) continue;
      const x = a.x + ((sy - a.y) / (b.y - a.y)) * (b.x - a.x);
      crossings.push({ x, dir: b.y > a.y ? 1 : -1 });
    }
    crossings.sort((p, q) => p.x - q.x);
    let winding = 0;
    for (let k = 0; k < crossings.length - 1; k++) {
      winding += crossings[k].dir;
      if (winding === 0) continue;
      const [x0, x1] = centreSpan(crossings[k].x, crossings[k + 1].x, mask.width);
      if (x1 > x0) mask.data.fill(value, j * mask.width + x0, j * mask.width + x1);
    }
  }
}
