import { describe, expect, it } from "vitest";
import { extendsStrokes, IncrementalRaster } from "@/lib/canvas/incremental-raster";
import { rasterizeMask } from "@/lib/canvas/rasterize";
import type { Stroke } from "@/lib/canvas/types";

const W = 96;
const H = 64;
const brush = (x: number, y: number, r = 6): Stroke => ({ kind: "brush", points: [{ x, y }, { x: x + 20, y: y + 5 }], radius: r });

describe("IncrementalRaster", () => {
  it("gives the same pixels as a full render after commits, an undo and a redo", () => {
    const raster = new IncrementalRaster();
    const a = brush(10, 10);
    const b: Stroke = { kind: "rect", x: 40, y: 20, w: 30, h: 30, mode: "add" };
    const c: Stroke = { kind: "erase", points: [{ x: 50, y: 30 }], radius: 8 };
    const steps: Stroke[][] = [[a], [a, b], [a, b, c], [a, b], [a, b, c], [a, b, c, { kind: "invert" }]];
    for (const strokes of steps) {
      const got = raster.render(W, H, strokes);
      expect(Buffer.from(got.data).equals(Buffer.from(rasterizeMask({ width: W, height: H, strokes }).data)), `${strokes.length} strokes`).toBe(true);
    }
  });

  it("says what a commit changed: the appended strokes' bounds, nothing for no change, everything after a replay", () => {
    const raster = new IncrementalRaster();
    const a = brush(10, 10);
    raster.render(W, H, [a]);
    expect(raster.changed, "first render: everything").toBeNull();

    const before = Uint8Array.from(raster.render(W, H, [a]).data);
    expect(raster.changed, "same strokes: nothing").toEqual({ x0: 0, y0: 0, x1: 0, y1: 0 });

    const b = brush(50, 40, 4);
    const after = raster.render(W, H, [a, b]).data;
    const r = raster.changed!;
    expect(r).not.toBeNull();
    let outside = 0;
    let inside = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        if (before[y * W + x] === after[y * W + x]) continue;
        if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) inside++;
        else outside++;
      }
    expect(outside).toBe(0);
    expect(inside).toBeGreaterThan(0);
    expect(r.x1 - r.x0, "a tight rectangle, not the whole image").toBeLessThan(40);

    raster.render(W, H, [a]);
    expect(raster.changed, "undo replays: everything").toBeNull();
    raster.render(W, H, [a, { kind: "invert" }]);
    expect(raster.changed, "a whole-mask command: everything").toBeNull();
  });

  it("extendsStrokes compares by identity", () => {
    const a = brush(1, 1);
    expect(extendsStrokes([a], [a, brush(2, 2)])).toBe(true);
    expect(extendsStrokes([a], [brush(1, 1)])).toBe(false);
    expect(extendsStrokes([a, a], [a])).toBe(false);
  });
});
