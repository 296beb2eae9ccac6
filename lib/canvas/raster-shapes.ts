/**
 * Shape coverage for the rasteriser. One rule everywhere: a pixel belongs to a shape when its
 * centre (i + 0.5, j + 0.5) does. That makes the output binary by construction (no coverage
 * fractions, so no grey edges) and makes simple areas exact: a rect from (10, 10) of 20 × 5
 * covers exactly 100 pixels.
 */
import type { MaskBitmap, Point } from "@/lib/canvas/types";

/** Pixel-index range [from, to) whose centres lie in [a, b), clipped to [0, limit). */
function centreSpan(a: number, b: number, limit: number): [number, number] {
  const from = Math.min(limit, Math.max(0, Math.ceil(a - 0.5)));
  // Never below `from`: a span wholly left of the image would end below 0, and a negative end
  // given to TypedArray.fill counts from the end of the buffer (it filled almost the whole mask).
  const to = Math.max(from, Math.min(limit, Math.ceil(b - 0.5)));
  return [from, to];
}

/** Whether pixel centre (px, py) is within `radius` of segment a→b: the rule, exactly. */
function inCapsule(px: number, py: number, a: Point, dx: number, dy: number, len2: number, r2: number): boolean {
  // Closest point of the segment to the pixel centre; a degenerate segment is a disc.
  let t = len2 > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = a.x + t * dx - px;
  const ey = a.y + t * dy - py;
  return ex * ex + ey * ey <= r2;
}

/**
 * Paint a disc swept along a to b (a capsule): every pixel centre within `radius` of the segment.
 * A capsule is convex, so each row's covered centres form one run: it is computed from the two
 * end discs and the middle band and filled at once, and only the run's two end pixels are
 * checked with the exact rule (float rounding at the edge must not add or drop a pixel). That is
 * O(rows) per segment instead of O(bounding box), which brush strokes of many short, heavily
 * overlapping segments need.
 */
export function paintCapsule(mask: MaskBitmap, a: Point, b: Point, radius: number, value: number): void {
  const { width, height, data } = mask;
  const r2 = radius * radius;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const [y0, y1] = centreSpan(Math.min(a.y, b.y) - radius, Math.max(a.y, b.y) + radius + 1e-9, height);
  const eps = 1e-6;
  const len = Math.sqrt(len2);
  // The middle band's half-width along a row, for a segment that is not horizontal.
  const bandHalf = dy !== 0 ? (radius * len) / Math.abs(dy) : 0;
  const invDy = dy !== 0 ? 1 / dy : 0;
  const invDx = dx !== 0 ? 1 / dx : 0;
  const invLen2 = len2 > 0 ? 1 / len2 : 0;
  for (let j = y0; j < y1; j++) {
    const py = j + 0.5;
    // The row meets the capsule where it meets either end disc or the middle band; the capsule
    // is convex, so the hull of those pieces is the run. Inline arithmetic: this loop is hot.
    let lo = Infinity;
    let hi = -Infinity;
    const ha = r2 - (py - a.y) * (py - a.y);
    if (ha >= 0) {
      const w = Math.sqrt(ha);
      lo = a.x - w;
      hi = a.x + w;
    }
    const hb = r2 - (py - b.y) * (py - b.y);
    if (hb >= 0) {
      const w = Math.sqrt(hb);
      if (b.x - w < lo) lo = b.x - w;
      if (b.x + w > hi) hi = b.x + w;
    }
    if (len2 > 0) {
      let bl = -Infinity;
      let bh = Infinity;
      let meets = true;
      if (dy === 0) {
        meets = Math.abs(py - a.y) <= radius;
      } else {
        const xc = a.x + (py - a.y) * dx * invDy;
        bl = xc - bandHalf;
        bh = xc + bandHalf;
      }
      if (dx === 0) {
        const t = (py - a.y) * dy * invLen2;
        meets = meets && t >= 0 && t <= 1;
      } else {
        const t0 = a.x - (py - a.y) * dy * invDx;
        const t1 = a.x + (len2 - (py - a.y) * dy) * invDx;
        bl = Math.max(bl, Math.min(t0, t1));
        bh = Math.min(bh, Math.max(t0, t1));
      }
      if (meets && bl <= bh) {
        if (bl < lo) lo = bl;
        if (bh > hi) hi = bh;
      }
    }
    if (lo > hi) continue;
    let from = Math.max(0, Math.ceil(lo - eps - 0.5));
    let to = Math.min(width - 1, Math.floor(hi + eps - 0.5));
    // Float rounding can only matter for a centre within eps of the run's ends: check those
    // against the exact rule, and only those (most rows skip both checks).
    while (from <= to && from + 0.5 < lo + eps && !inCapsule(from + 0.5, py, a, dx, dy, len2, r2)) from++;
    while (to >= from && to + 0.5 > hi - eps && !inCapsule(to + 0.5, py, a, dx, dy, len2, r2)) to--;
    if (from <= to) data.fill(value, j * width + from, j * width + to + 1);
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
