import { describe, expect, it } from "vitest";
import { applyStroke, createMask, encodeRuns, maskStats, rasterizeMask, toRgba, toRgbaForTask } from "@/lib/canvas/rasterize";
import { countWhite, onlyBinary, pixel, whiteBounds } from "@/lib/canvas/test-helpers";
import type { MaskDoc, Stroke } from "@/lib/canvas/types";

const doc = (width: number, height: number, strokes: Stroke[]): MaskDoc => ({ width, height, strokes });

describe("brush and erase", () => {
  const path = [
    { x: 10, y: 10 },
    { x: 90, y: 10 },
    { x: 90, y: 60 },
  ];

  it("covers its whole path continuously and nothing beyond the radius", () => {
    const mask = rasterizeMask(doc(100, 80, [{ kind: "brush", points: path, radius: 3 }]));
    for (let x = 10; x <= 89; x++) expect(pixel(mask, x, 10)).toBe(255);
    for (let y = 10; y <= 59; y++) expect(pixel(mask, 89, y)).toBe(255);
    for (let y = 0; y < 80; y++) {
      for (let x = 0; x < 100; x++) {
        const cx = x + 0.5;
        const cy = y + 0.5;
        const nearTop = cx >= 10 && cx <= 90 ? Math.abs(cy - 10) : Math.min(Math.hypot(cx - 10, cy - 10), Math.hypot(cx - 90, cy - 10));
        const nearSide = cy >= 10 && cy <= 60 ? Math.abs(cx - 90) : Math.min(Math.hypot(cx - 90, cy - 10), Math.hypot(cx - 90, cy - 60));
        const inside = Math.min(nearTop, nearSide) <= 3;
        expect(pixel(mask, x, y)).toBe(inside ? 255 : 0);
      }
    }
  });

  it("paints a disc for a single click", () => {
    const mask = rasterizeMask(doc(50, 50, [{ kind: "brush", points: [{ x: 25, y: 25 }], radius: 5 }]));
    expect(pixel(mask, 25, 25)).toBe(255);
    expect(pixel(mask, 25, 31)).toBe(0);
    expect(Math.abs(countWhite(mask) - Math.PI * 25)).toBeLessThan(8);
  });

  it("erase removes what the brush painted", () => {
    const brush: Stroke = { kind: "brush", points: path, radius: 4 };
    const erase: Stroke = { kind: "erase", points: [{ x: 10, y: 10 }, { x: 50, y: 10 }], radius: 6 };
    const mask = rasterizeMask(doc(100, 80, [brush, erase]));
    for (let x = 10; x < 50; x++) expect(pixel(mask, x, 10)).toBe(0);
    expect(pixel(mask, 70, 10)).toBe(255);
  });
});

describe("rect and polygon", () => {
  it("fills exactly w × h pixels for an integer rect, dragged either way", () => {
    const a = rasterizeMask(doc(64, 48, [{ kind: "rect", x: 10, y: 5, w: 20, h: 7, mode: "add" }]));
    const b = rasterizeMask(doc(64, 48, [{ kind: "rect", x: 30, y: 12, w: -20, h: -7, mode: "add" }]));
    expect(countWhite(a)).toBe(140);
    expect(whiteBounds(a)).toEqual({ x0: 10, y0: 5, x1: 29, y1: 11 });
    expect(b.data).toEqual(a.data);
  });

  it("clips shapes that reach outside the image", () => {
    const mask = rasterizeMask(doc(20, 20, [{ kind: "rect", x: -10, y: 15, w: 15, h: 50, mode: "add" }]));
    expect(countWhite(mask)).toBe(5 * 5);
  });

  it("a rectangle wholly off the image paints nothing (a negative end once filled the whole mask)", () => {
    for (const [x, y, w, h] of [
      [-30, -10, 14, 150],
      [-30, 5, 10, 10],
      [70, -40, 10, 20],
      [90, 0, 40, 10],
      [0, 70, 10, 30],
    ]) {
      const m = rasterizeMask({ width: 64, height: 48, strokes: [{ kind: "rect", x, y, w, h, mode: "add" }] });
      expect(countWhite(m), `rect ${x},${y} ${w}×${h}`).toBe(0);
    }
  });

  it("erase-mode rect removes", () => {
    const mask = rasterizeMask(
      doc(20, 20, [{ kind: "fill-all" }, { kind: "rect", x: 0, y: 0, w: 10, h: 20, mode: "erase" }]),
    );
    expect(countWhite(mask)).toBe(200);
  });

  it("fills a square polygon and a right triangle with their exact areas", () => {
    const square = [{ x: 4, y: 4 }, { x: 14, y: 4 }, { x: 14, y: 14 }, { x: 4, y: 14 }];
    expect(countWhite(rasterizeMask(doc(32, 32, [{ kind: "polygon", points: square, mode: "add" }])))).toBe(100);
    // Triangle (0,0)-(20,0)-(0,20): pixel centres strictly below the hypotenuse (x + y < 20;
    // centres on it are outside, half-open) → 19 + 18 + … + 0 = 190 of the 200 px² area.
    const triangle = [{ x: 0, y: 0 }, { x: 20, y: 0 }, { x: 0, y: 20 }];
    expect(countWhite(rasterizeMask(doc(32, 32, [{ kind: "polygon", points: triangle, mode: "add" }])))).toBe(190);
  });

  it("uses the nonzero rule: a loop drawn twice has no hole", () => {
    const loop = [{ x: 2, y: 2 }, { x: 12, y: 2 }, { x: 12, y: 12 }, { x: 2, y: 12 }];
    const twice = [...loop, ...loop];
    expect(countWhite(rasterizeMask(doc(16, 16, [{ kind: "polygon", points: twice, mode: "add" }])))).toBe(100);
  });
});

describe("whole-mask commands", () => {
  const rect: Stroke = { kind: "rect", x: 0, y: 0, w: 5, h: 10, mode: "add" };

  it("invert, fill-all and clear", () => {
    expect(countWhite(rasterizeMask(doc(10, 10, [rect, { kind: "invert" }])))).toBe(50);
    expect(pixel(rasterizeMask(doc(10, 10, [rect, { kind: "invert" }])), 0, 0)).toBe(0);
    expect(maskStats(rasterizeMask(doc(10, 10, [{ kind: "fill-all" }]))).full).toBe(true);
    expect(maskStats(rasterizeMask(doc(10, 10, [rect, { kind: "clear" }]))).empty).toBe(true);
  });

  it("grow and shrink by n change a square's side by 2n", () => {
    const square: Stroke = { kind: "rect", x: 40, y: 40, w: 20, h: 20, mode: "add" };
    for (const n of [1, 3, 7]) {
      const grown = whiteBounds(rasterizeMask(doc(100, 100, [square, { kind: "grow", n }])))!;
      expect(grown.x1 - grown.x0 + 1).toBe(20 + 2 * n);
      expect(grown.y1 - grown.y0 + 1).toBe(20 + 2 * n);
      const shrunk = rasterizeMask(doc(100, 100, [square, { kind: "shrink", n }]));
      expect(countWhite(shrunk)).toBe((20 - 2 * n) ** 2);
    }
  });

  it("grows with a round disc, not a square: corners stay rounded", () => {
    const dot: Stroke = { kind: "rect", x: 50, y: 50, w: 1, h: 1, mode: "add" };
    const mask = rasterizeMask(doc(101, 101, [dot, { kind: "grow", n: 10 }]));
    expect(pixel(mask, 60, 50)).toBe(255);
    expect(pixel(mask, 57, 57)).toBe(255);
    expect(pixel(mask, 58, 58)).toBe(0);
  });

  it("shrink leaves a full mask full and does not retreat from the image edge", () => {
    expect(maskStats(rasterizeMask(doc(30, 30, [{ kind: "fill-all" }, { kind: "shrink", n: 5 }]))).full).toBe(true);
    const edge = rasterizeMask(doc(30, 30, [{ kind: "rect", x: 0, y: 0, w: 10, h: 30, mode: "add" }, { kind: "shrink", n: 2 }]));
    expect(countWhite(edge)).toBe(8 * 30);
  });

  it("grows and shrinks 4096 × 4096 quickly (sanity bound, the benchmark has the real figure)", () => {
    const mask = createMask(4096, 4096);
    applyStroke(mask, { kind: "rect", x: 1000, y: 1000, w: 500, h: 800, mode: "add" });
    const started = performance.now();
    applyStroke(mask, { kind: "grow", n: 25 });
    applyStroke(mask, { kind: "shrink", n: 25 });
    // Generous bound against accidental O(pixels × n²) code, not a benchmark (those live in bench/).
    expect(performance.now() - started).toBeLessThan(5000);
    expect(whiteBounds(mask)).toEqual({ x0: 1000, y0: 1000, x1: 1499, y1: 1799 });
  });
});

describe("output and export", () => {
  const strokes: Stroke[] = [
    { kind: "brush", points: [{ x: 3.3, y: 7.1 }, { x: 200.7, y: 300.2 }], radius: 12.4 },
    { kind: "polygon", points: [{ x: 0, y: 0 }, { x: 150.5, y: 20.2 }, { x: 60.3, y: 90.9 }], mode: "add" },
    { kind: "grow", n: 3 },
    { kind: "erase", points: [{ x: 50, y: 50 }, { x: 80, y: 10 }], radius: 7.7 },
  ];

  it("contains only 0 and 255, and has the document's size for 320×1280, 4096×1024, 1000×777", () => {
    for (const [w, h] of [[320, 1280], [4096, 1024], [1000, 777]]) {
      const mask = rasterizeMask(doc(w, h, strokes));
      expect(onlyBinary(mask)).toBe(true);
      expect(mask.data.length).toBe(w * h);
      expect(toRgba(mask, "white-edit").length).toBe(w * h * 4);
    }
  });

  it("applies polarity at export only", () => {
    const mask = rasterizeMask(doc(4, 1, [{ kind: "rect", x: 0, y: 0, w: 1, h: 1, mode: "add" }]));
    expect(Array.from(toRgba(mask, "white-edit").slice(0, 8))).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
    expect(Array.from(toRgba(mask, "black-edit").slice(0, 8))).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    // The gateway takes white = edit for inpainting, so nothing is inverted for it today.
    expect(toRgbaForTask(mask, "INPAINTING", { INPAINTING: "white-edit" })).toEqual(toRgba(mask, "white-edit"));
    expect(toRgbaForTask(mask, "INPAINTING", { INPAINTING: "black-edit" })).toEqual(toRgba(mask, "black-edit"));
  });

  it("reports stats", () => {
    const mask = rasterizeMask(doc(10, 10, [{ kind: "rect", x: 0, y: 0, w: 3, h: 3, mode: "add" }]));
    expect(maskStats(mask)).toEqual({ white: 9, total: 100, empty: false, full: false });
  });

  it("rejects impossible sizes", () => {
    expect(() => createMask(0, 10)).toThrow(RangeError);
    expect(() => createMask(10.5, 10)).toThrow(RangeError);
  });
});

describe("bitmap strokes (an uploaded mask to refine)", () => {
  it("round-trips any binary mask through run-length encoding, and later strokes apply on top", () => {
    const m = createMask(7, 5);
    for (const i of [0, 1, 2, 9, 10, 17, 33, 34]) m.data[i] = 255;
    const stroke = encodeRuns(m);
    expect(stroke.runs.reduce((a, b) => a + b, 0)).toBe(35);
    expect(stroke.runs[0]).toBe(0);
    const back = rasterizeMask({ width: 7, height: 5, strokes: [stroke] });
    expect([...back.data]).toEqual([...m.data]);
    const erased = rasterizeMask({ width: 7, height: 5, strokes: [stroke, { kind: "invert" }] });
    expect(erased.data[0]).toBe(0);
    expect(erased.data[3]).toBe(255);
  });

  it("refuses a bitmap of another size instead of stretching it", () => {
    const stroke = encodeRuns(createMask(4, 4));
    expect(() => rasterizeMask({ width: 5, height: 4, strokes: [stroke] })).toThrow(/4×4/);
  });
});

describe("capsule rows are exactly the per-pixel rule", () => {
  /** The definition, pixel by pixel: a centre within `r` of the segment (inclusive). */
  function perPixel(w: number, h: number, a: { x: number; y: number }, b: { x: number; y: number }, r: number): Uint8Array {
    const out = new Uint8Array(w * h);
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < w; i++) {
        const px = i + 0.5;
        const py = j + 0.5;
        const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - a.x) * dx + (py - a.y) * dy) / len2)) : 0;
        const ex = a.x + t * dx - px;
        const ey = a.y + t * dy - py;
        if (ex * ex + ey * ey <= r * r) out[j * w + i] = 255;
      }
    }
    return out;
  }

  it("on 1,500 random segments (half-pixel ends, axis-aligned, degenerate, off the edge)", () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const coord = () => (rnd() < 0.3 ? Math.round(rnd() * 80) / 2 : rnd() * 50 - 5);
    let differing = 0;
    for (let k = 0; k < 1500; k++) {
      const a = { x: coord(), y: coord() * 0.75 };
      const pick = rnd();
      const b = pick < 0.1 ? { ...a } : pick < 0.25 ? { x: a.x, y: coord() } : pick < 0.4 ? { x: coord(), y: a.y } : { x: coord(), y: coord() * 0.75 };
      const r = rnd() < 0.3 ? Math.round(rnd() * 12) / 2 + 0.5 : rnd() * 10;
      const painted = rasterizeMask({ width: 40, height: 30, strokes: [{ kind: "brush", points: [a, b], radius: r }] });
      const expected = perPixel(40, 30, a, b, r);
      if (expected.some((v, i) => v !== painted.data[i])) differing++;
    }
    expect(differing).toBe(0);
  });
});
