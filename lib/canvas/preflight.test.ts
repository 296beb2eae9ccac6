import { describe, expect, it } from "vitest";
import { preflightMask } from "@/lib/canvas/preflight";
import { createMask, rasterizeMask } from "@/lib/canvas/rasterize";

const size = { width: 64, height: 32 };
const painted = () =>
  rasterizeMask({ ...size, strokes: [{ kind: "rect", x: 1, y: 1, w: 5, h: 5, mode: "add" }] });

describe("preflightMask", () => {
  it("passes a painted binary mask of the image's size", () => {
    expect(preflightMask(painted(), size)).toEqual({ ok: true, problems: [], warnings: [] });
  });

  it("rejects a mask of another size (e.g. the screen's)", () => {
    const result = preflightMask(painted(), { width: 128, height: 32 });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(["size-mismatch"]);
  });

  it("rejects grey pixels", () => {
    const mask = painted();
    mask.data[100] = 128;
    expect(preflightMask(mask, size).problems.map((p) => p.code)).toContain("not-binary");
  });

  it("rejects an empty mask", () => {
    const result = preflightMask(createMask(64, 32), size);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.code)).toEqual(["empty"]);
  });

  it("warns, without blocking, when everything is selected", () => {
    const result = preflightMask(rasterizeMask({ ...size, strokes: [{ kind: "fill-all" }] }), size);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(["everything-selected"]);
  });
});
