import { describe, expect, it } from "vitest";
import {
  MAX_PLACEMENT_SCALE,
  averageColour,
  paddingRects,
  MIN_PLACEMENT_SCALE,
  centrePlacement,
  clampPlacement,
  clipRect,
  coversFrame,
  defaultPlacement,
  dragPlacement,
  fitPlacement,
  frameMaskStrokes,
  frameSizeOf,
  overflowsFrame,
  placedRect,
  rectCentre,
  scalePlacementAbout,
  validateFrameSize,
  type FrameRect,
} from "@/lib/canvas/outpaint-frame";
import { rasterizeMask } from "@/lib/canvas/rasterize";
import { countWhite, onlyBinary, pixel } from "@/lib/canvas/test-helpers";
import type { Size } from "@/lib/canvas/types";
import { ASPECT_RATIOS, SIZE_SCALES } from "@/lib/models/nova-canvas/options";

const square: Size = { width: 1024, height: 1024 };

/** Rasterizes the frame mask and checks every pixel: black inside `kept`, white elsewhere. */
function expectMask(rect: FrameRect, frame: Size, kept: FrameRect | null) {
  const mask = rasterizeMask({ ...frame, strokes: frameMaskStrokes(rect, frame) });
  expect(onlyBinary(mask)).toBe(true);
  const keptArea = kept ? kept.w * kept.h : 0;
  expect(countWhite(mask)).toBe(frame.width * frame.height - keptArea);
  let wrong = 0;
  for (let y = 0; y < frame.height; y++) {
    for (let x = 0; x < frame.width; x++) {
      const inside = kept !== null && x >= kept.x && x < kept.x + kept.w && y >= kept.y && y < kept.y + kept.h;
      if (pixel(mask, x, y) !== (inside ? 0 : 255)) wrong++;
    }
  }
  expect(wrong).toBe(0);
}

describe("frame size", () => {
  it("16:9 small is 1024×576 (from outputSize)", () => {
    expect(frameSizeOf({ kind: "preset", aspectRatio: "16:9", sizeScale: "small" })).toEqual({ width: 1024, height: 576 });
    expect(frameSizeOf({ kind: "custom", width: 1500, height: 700 })).toEqual({ width: 1500, height: 700 });
  });

  it("every preset is a valid frame", () => {
    for (const aspectRatio of ASPECT_RATIOS) {
      for (const sizeScale of SIZE_SCALES) {
        const s = frameSizeOf({ kind: "preset", aspectRatio, sizeScale });
        expect(validateFrameSize(s.width, s.height), `${aspectRatio} ${sizeScale}`).toEqual([]);
      }
    }
  });

  it("names the field and the limit", () => {
    expect(validateFrameSize(5000, 1024)).toEqual([{ field: "width", message: "frame width must be between 320 and 4096 px (got 5000)" }]);
    expect(validateFrameSize(1024, 100)).toEqual([{ field: "height", message: "frame height must be between 320 and 4096 px (got 100)" }]);
    expect(validateFrameSize(100, 5000).map((e) => e.field)).toEqual(["width", "height"]);
    expect(validateFrameSize(512.5, 512)[0].message).toBe("frame width must be a whole number of px (got 512.5)");
    expect(validateFrameSize(null, 512)[0]).toMatchObject({ field: "width", message: expect.stringContaining("frame width is required") });
    expect(validateFrameSize(512, Number.NaN)[0].field).toBe("height");
  });

  it("checks the pixel count and the aspect ratio", () => {
    expect(validateFrameSize(2048, 2048)).toEqual([]);
    expect(validateFrameSize(4096, 1024)).toEqual([]);
    expect(validateFrameSize(2048, 2049)).toEqual([
      { field: "frame", message: "frame must have at most 4,194,304 px (got 2048×2049 = 4,196,352)" },
    ]);
    expect(validateFrameSize(4096, 1000)).toEqual([
      { field: "frame", message: "frame aspect ratio must be between 1:4 and 4:1 (got 4096×1000, 4.10:1)" },
    ]);
    expect(validateFrameSize(4000, 3000).map((e) => e.field)).toEqual(["frame"]);
  });
});

describe("placement", () => {
  it("1024² into 16:9 small: scaled down to 576 high and centred", () => {
    const frame = frameSizeOf({ kind: "preset", aspectRatio: "16:9", sizeScale: "small" });
    const p = defaultPlacement(square, frame);
    expect(p.scale).toBeCloseTo(0.5625, 10);
    expect(placedRect(p, square)).toEqual({ x: 224, y: 0, w: 576, h: 576 });
  });

  it("never scales up by default; Fit does", () => {
    const small = { width: 400, height: 300 };
    const frame = { width: 1024, height: 1024 };
    expect(defaultPlacement(small, frame)).toEqual({ x: 312, y: 362, scale: 1 });
    const fit = fitPlacement(small, frame);
    expect(fit.scale).toBeCloseTo(2.56, 10);
    expect(placedRect(fit, small)).toEqual({ x: 0, y: 128, w: 1024, h: 768 });
  });

  it("keeps odd sizes integer and inside the frame", () => {
    const src = { width: 1000, height: 333 };
    const frame = { width: 321, height: 999 };
    const r = placedRect(defaultPlacement(src, frame), src);
    expect(Object.values(r).every(Number.isInteger)).toBe(true);
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.w).toBeLessThanOrEqual(frame.width);
    expect(r.y + r.h).toBeLessThanOrEqual(frame.height);
    expect(clipRect(r, frame)).toEqual(r);
  });

  it("Centre keeps the scale", () => {
    const frame = { width: 1024, height: 576 };
    const p = centrePlacement({ x: 3, y: 9, scale: 0.25 }, square, frame);
    expect(placedRect(p, square)).toEqual({ x: 384, y: 160, w: 256, h: 256 });
  });
});

describe("clampPlacement", () => {
  const frame = { width: 1024, height: 576 };

  it("keeps at least 16 px of the source inside the frame each way", () => {
    const src = { width: 400, height: 400 };
    expect(clampPlacement({ x: -5000, y: -5000, scale: 1 }, src, frame)).toEqual({ x: -384, y: -384, scale: 1 });
    expect(clampPlacement({ x: 5000, y: 5000, scale: 1 }, src, frame)).toEqual({ x: 1008, y: 560, scale: 1 });
    const inside = { x: 10, y: 20, scale: 1 };
    expect(clampPlacement(inside, src, frame)).toEqual(inside);
  });

  it("keeps the scale within [0.05, 8]", () => {
    expect(clampPlacement({ x: 0, y: 0, scale: 0.001 }, square, frame).scale).toBe(MIN_PLACEMENT_SCALE);
    expect(clampPlacement({ x: 0, y: 0, scale: 100 }, square, frame).scale).toBe(MAX_PLACEMENT_SCALE);
    expect(clampPlacement({ x: 0, y: 0, scale: Number.NaN }, square, frame).scale).toBe(1);
  });

  it("rounds the position to whole pixels", () => {
    const p = clampPlacement({ x: 10.4, y: 20.6, scale: 0.5 }, square, frame);
    expect(p).toEqual({ x: 10, y: 21, scale: 0.5 });
    expect(placedRect(p, square)).toEqual({ x: 10, y: 21, w: 512, h: 512 });
  });

  it("a source smaller than 16 px only has to be fully inside", () => {
    const tiny = { width: 100, height: 100 };
    const p = clampPlacement({ x: -50, y: 9999, scale: 0.1 }, tiny, frame);
    expect(placedRect(p, tiny)).toEqual({ x: 0, y: 566, w: 10, h: 10 });
  });
});

describe("drag and scale helpers", () => {
  it("dragPlacement moves by frame px", () => {
    expect(dragPlacement({ x: 10, y: 20, scale: 2 }, 5, -30)).toEqual({ x: 15, y: -10, scale: 2 });
  });

  it("scalePlacementAbout keeps the anchor over the same source point", () => {
    const p = { x: 100, y: 50, scale: 0.5 };
    const anchor = { x: 300, y: 250 };
    const q = scalePlacementAbout(p, 2, anchor);
    expect(q.scale).toBe(1);
    // Source point under the anchor: (anchor - origin) / scale, the same before and after.
    expect((anchor.x - q.x) / q.scale).toBeCloseTo((anchor.x - p.x) / p.scale, 10);
    expect((anchor.y - q.y) / q.scale).toBeCloseTo((anchor.y - p.y) / p.scale, 10);
  });

  it("scalePlacementAbout stops at the scale limits without drifting", () => {
    const p = { x: 0, y: 0, scale: 6 };
    const q = scalePlacementAbout(p, 10, { x: 100, y: 100 });
    expect(q.scale).toBe(MAX_PLACEMENT_SCALE);
    expect(q.x).toBeCloseTo(100 - 100 * (8 / 6), 10);
    expect(scalePlacementAbout(p, 1, { x: 5, y: 5 })).toEqual(p);
    expect(rectCentre(placedRect({ x: 10, y: 20, scale: 0.5 }, square))).toEqual({ x: 266, y: 276 });
  });
});

describe("frameMaskStrokes", () => {
  it("is fill-all then an erase rect", () => {
    expect(frameMaskStrokes({ x: 224, y: 0, w: 576, h: 576 }, { width: 1024, height: 576 })).toEqual([
      { kind: "fill-all" },
      { kind: "rect", x: 224, y: 0, w: 576, h: 576, mode: "erase" },
    ]);
  });

  it("rasterizes black exactly on the placed rect (1024² in 16:9 small)", () => {
    const frame = { width: 1024, height: 576 };
    const rect = placedRect(defaultPlacement(square, frame), square);
    const mask = rasterizeMask({ ...frame, strokes: frameMaskStrokes(rect, frame) });
    expect(countWhite(mask)).toBe(1024 * 576 - 576 * 576);
    expect(pixel(mask, 223, 0)).toBe(255);
    expect(pixel(mask, 224, 0)).toBe(0);
    expect(pixel(mask, 799, 575)).toBe(0);
    expect(pixel(mask, 800, 575)).toBe(255);
    expect(coversFrame(rect, frame)).toBe(false);
    expect(overflowsFrame(rect, frame)).toBe(false);
  });

  it("rasterizes exactly for an odd placement", () => {
    const frame = { width: 333, height: 321 };
    const src = { width: 500, height: 350 };
    const rect = placedRect(clampPlacement({ x: 17.3, y: 40.8, scale: 0.37 }, src, frame), src);
    expect(rect).toEqual({ x: 17, y: 41, w: 185, h: 130 });
    expectMask(rect, frame, rect);
  });

  it("clips a source that hangs over the edges", () => {
    const frame = { width: 400, height: 320 };
    const rect = { x: -100, y: 250, w: 300, h: 200 };
    expect(overflowsFrame(rect, frame)).toBe(true);
    expect(frameMaskStrokes(rect, frame)[1]).toEqual({ kind: "rect", x: 0, y: 250, w: 200, h: 70, mode: "erase" });
    expectMask(rect, frame, { x: 0, y: 250, w: 200, h: 70 });
  });

  it("a source covering the frame leaves nothing white; one outside leaves all white", () => {
    const frame = { width: 320, height: 320 };
    const cover = { x: -10, y: -10, w: 400, h: 400 };
    expect(coversFrame(cover, frame)).toBe(true);
    expectMask(cover, frame, { x: 0, y: 0, w: 320, h: 320 });
    const away = { x: 500, y: 0, w: 10, h: 10 };
    expect(frameMaskStrokes(away, frame)).toEqual([{ kind: "fill-all" }]);
    expectMask(away, frame, null);
  });
});

describe("padding", () => {
  it("paddingRects plus the kept rect tile the frame exactly", () => {
    const frame = { width: 400, height: 320 };
    for (const kept of [
      { x: 100, y: 50, w: 200, h: 100 },
      { x: 0, y: 0, w: 400, h: 100 },
      { x: 0, y: 0, w: 400, h: 320 },
      { x: 390, y: 310, w: 10, h: 10 },
    ]) {
      const rects = [kept, ...paddingRects(kept, frame)];
      const seen = new Uint8Array(frame.width * frame.height);
      for (const r of rects) for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) seen[y * frame.width + x]++;
      expect(seen.every((n) => n === 1)).toBe(true);
    }
    expect(paddingRects({ x: 0, y: 0, w: 400, h: 320 }, frame)).toEqual([]);
  });

  it("averageColour weights by alpha and falls back when transparent", () => {
    const run = new Uint8ClampedArray([255, 0, 0, 255, 0, 0, 255, 255, 0, 255, 0, 0]);
    expect(averageColour([run, new Uint8ClampedArray([0, 0, 255, 255])])).toBe("rgb(85 0 170)");
    expect(averageColour([new Uint8ClampedArray([9, 9, 9, 0])])).toBe("#808080");
    expect(averageColour([], "#fff")).toBe("#fff");
  });
});
