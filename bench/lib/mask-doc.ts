import type { MaskDoc, Point, Stroke } from "@/lib/canvas/types";

/**
 * Synthetic but realistic mask documents for the mask benchmarks (export and pointer). Seeded, so
 * every run (and both benchmarks) replays exactly the same strokes. No DOM: the export bench
 * bundles this into its page, the pointer bench builds the strokes in Node and stores them.
 */

/**
 * mulberry32, as in lib/emulator/prng.ts: not imported from there because that module uses
 * node:crypto and this one is bundled into a browser page by the export bench.
 */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));

/**
 * `count` brush strokes of `points` samples each: a wandering hand, not noise. The editor's
 * default radius (24 px) and a sample every ~8 px at 1024²; both grow with sqrt(area / 1024²) so
 * a bigger image gets proportionally the same coverage.
 */
export function brushStrokes(width: number, height: number, count: number, points = 30, seed = 1): Stroke[] {
  const rnd = random(seed);
  const scale = Math.sqrt((width * height) / (1024 * 1024));
  const strokes: Stroke[] = [];
  for (let s = 0; s < count; s++) {
    let x = rnd() * width;
    let y = rnd() * height;
    let heading = rnd() * 2 * Math.PI;
    const pts: Point[] = [];
    for (let i = 0; i < points; i++) {
      pts.push({ x: Math.round(clamp(x, width - 1) * 10) / 10, y: Math.round(clamp(y, height - 1) * 10) / 10 });
      heading += (rnd() - 0.5) * 0.6;
      x += Math.cos(heading) * 8 * scale;
      y += Math.sin(heading) * 8 * scale;
    }
    strokes.push({ kind: "brush", points: pts, radius: Math.round(24 * scale) });
  }
  return strokes;
}

/** The export bench's document: 200 brush strokes of 30 points, then a few rects and polygons. */
export function exportBenchDoc(width: number, height: number): MaskDoc {
  const rnd = random(7);
  const strokes: Stroke[] = brushStrokes(width, height, 200, 30, 3);
  for (let i = 0; i < 4; i++) {
    const w = (0.05 + rnd() * 0.15) * width;
    const h = (0.05 + rnd() * 0.15) * height;
    strokes.push({ kind: "rect", x: rnd() * (width - w), y: rnd() * (height - h), w, h, mode: i === 3 ? "erase" : "add" });
  }
  for (let i = 0; i < 3; i++) {
    // A 12-vertex lasso around a random centre (radius 5–15 % of the short side).
    const cx = rnd() * width;
    const cy = rnd() * height;
    const r = (0.05 + rnd() * 0.1) * Math.min(width, height);
    const pts: Point[] = Array.from({ length: 12 }, (_, k) => {
      const a = (k / 12) * 2 * Math.PI;
      const rr = r * (0.7 + rnd() * 0.6);
      return { x: clamp(cx + Math.cos(a) * rr, width), y: clamp(cy + Math.sin(a) * rr, height) };
    });
    strokes.push({ kind: "polygon", points: pts, mode: i === 2 ? "erase" : "add" });
  }
  return { width, height, strokes };
}
