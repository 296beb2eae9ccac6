import { describe, expect, it } from "vitest";
import { applyStroke, createMask } from "@/lib/canvas/rasterize";
import { strokeBounds, unionRect } from "@/lib/canvas/stroke-bounds";
import type { Stroke } from "@/lib/canvas/types";

const size = { width: 200, height: 120 };

/** Every pixel the stroke changed on a blank (or full) mask lies inside its bounds. */
function changedOutside(stroke: Stroke, start: 0 | 255): number {
  const mask = createMask(size.width, size.height);
  mask.data.fill(start);
  applyStroke(mask, stroke);
  const b = strokeBounds(stroke, size);
  if (!b) throw new Error("expected bounds");
  let outside = 0;
  for (let y = 0; y < size.height; y++)
    for (let x = 0; x < size.width; x++) {
      const inside = x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
      if (!inside && mask.data[y * size.width + x] !== start) outside++;
    }
  return outside;
}

describe("strokeBounds", () => {
  it("holds every pixel a brush, eraser, rectangle or polygon changes (random shapes, partly off the image)", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pt = () => ({ x: rnd() * 260 - 30, y: rnd() * 180 - 30 });
    for (let i = 0; i < 300; i++) {
      const points = Array.from({ length: 1 + Math.floor(rnd() * 6) }, pt);
      const radius = 0.5 + rnd() * 25;
      expect(changedOutside({ kind: "brush", points, radius }, 0)).toBe(0);
      expect(changedOutside({ kind: "erase", points, radius }, 255)).toBe(0);
      const a = pt();
      const b = pt();
      expect(changedOutside({ kind: "rect", x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y, mode: "add" }, 0)).toBe(0);
      if (points.length >= 3) expect(changedOutside({ kind: "polygon", points, mode: "add" }, 0)).toBe(0);
    }
  });

  it("is clipped to the image, and null for strokes that touch everything", () => {
    expect(strokeBounds({ kind: "brush", points: [{ x: -50, y: -50 }], radius: 10 }, size)).toEqual({ x0: 0, y0: 0, x1: 0, y1: 0 });
    expect(strokeBounds({ kind: "rect", x: 190, y: 100, w: 50, h: 50, mode: "add" }, size)).toEqual({ x0: 189, y0: 99, x1: 200, y1: 120 });
    for (const s of [{ kind: "invert" }, { kind: "clear" }, { kind: "fill-all" }, { kind: "grow", n: 2 }] as Stroke[]) expect(strokeBounds(s, size)).toBeNull();
    expect(unionRect({ x0: 1, y0: 2, x1: 3, y1: 4 }, { x0: 0, y0: 3, x1: 2, y1: 9 })).toEqual({ x0: 0, y0: 2, x1: 3, y1: 9 });
    expect(unionRect(null, { x0: 0, y0: 0, x1: 1, y1: 1 })).toBeNull();
  });
});
