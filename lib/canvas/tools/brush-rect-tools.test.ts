import { describe, expect, it } from "vitest";
import { createBrushTool } from "@/lib/canvas/tools/brush-tool";
import { createRectTool } from "@/lib/canvas/tools/rect-tool";
import type { PointerInfo } from "@/lib/canvas/tools/tool-types";

const primary: PointerInfo = { button: 0, pointerType: "mouse", pointerId: 1 };
const middle: PointerInfo = { button: 1, pointerType: "mouse", pointerId: 1 };
const move: PointerInfo = { button: -1, pointerType: "mouse", pointerId: 1 };

describe("brush tool", () => {
  it("previews on move and commits exactly once, on pointer-up", () => {
    const tool = createBrushTool({ radius: 8, mode: "brush" });
    expect(tool.onPointerDown({ x: 1, y: 1 }, primary).commit).toBeUndefined();
    for (let x = 2; x < 10; x++) {
      const r = tool.onPointerMove({ x, y: 1 }, move);
      expect(r.commit).toBeUndefined();
      expect(r.preview?.kind).toBe("brush");
    }
    const up = tool.onPointerUp({ x: 10, y: 1 }, primary);
    expect(up.commit).toEqual({ kind: "brush", radius: 8, points: Array.from({ length: 10 }, (_, i) => ({ x: i + 1, y: 1 })) });
    expect(tool.isActive()).toBe(false);
    expect(tool.onPointerUp({ x: 10, y: 1 }, primary)).toEqual({});
    expect(tool.onPointerMove({ x: 11, y: 1 }, move)).toEqual({});
  });

  it("commits an erase stroke in eraser mode, and a single click as a one-point stroke", () => {
    const tool = createBrushTool({ radius: 4, mode: "erase" });
    tool.onPointerDown({ x: 5, y: 5 }, { button: 0, pointerType: "pen" });
    expect(tool.onPointerUp({ x: 5, y: 5 }, { button: 0, pointerType: "pen" }).commit).toEqual({
      kind: "erase",
      radius: 4,
      points: [{ x: 5, y: 5 }],
    });
  });

  it("ignores the middle button (the editor pans with it)", () => {
    const tool = createBrushTool({ radius: 4, mode: "brush" });
    expect(tool.onPointerDown({ x: 5, y: 5 }, middle)).toEqual({});
    expect(tool.onPointerMove({ x: 9, y: 5 }, move)).toEqual({});
    expect(tool.onPointerUp({ x: 9, y: 5 }, middle)).toEqual({});
    expect(tool.isActive()).toBe(false);
  });

  it("drops the stroke on pointer-cancel", () => {
    const tool = createBrushTool({ radius: 4, mode: "brush" });
    tool.onPointerDown({ x: 5, y: 5 }, { button: 0, pointerType: "touch", pointerId: 7 });
    tool.onPointerMove({ x: 9, y: 5 }, { button: -1, pointerType: "touch", pointerId: 7 });
    expect(tool.onPointerCancel()).toEqual({});
    expect(tool.onPointerUp({ x: 9, y: 5 }, { button: 0, pointerType: "touch", pointerId: 7 })).toEqual({});
  });

  it("ignores a second finger mid-stroke", () => {
    const tool = createBrushTool({ radius: 4, mode: "brush" });
    tool.onPointerDown({ x: 0, y: 0 }, { button: 0, pointerType: "touch", pointerId: 1 });
    expect(tool.onPointerMove({ x: 50, y: 50 }, { button: -1, pointerType: "touch", pointerId: 2 })).toEqual({});
    expect(tool.onPointerUp({ x: 50, y: 50 }, { button: 0, pointerType: "touch", pointerId: 2 })).toEqual({});
    const up = tool.onPointerUp({ x: 3, y: 0 }, { button: 0, pointerType: "touch", pointerId: 1 });
    expect(up.commit).toEqual({ kind: "brush", radius: 4, points: [{ x: 0, y: 0 }, { x: 3, y: 0 }] });
  });
});

describe("rect tool", () => {
  it("commits one normalised rect on pointer-up, none on move", () => {
    const tool = createRectTool({ mode: "add" });
    tool.onPointerDown({ x: 30, y: 40 }, primary);
    expect(tool.onPointerMove({ x: 10, y: 20 }, move)).toEqual({
      preview: { kind: "rect", x: 10, y: 20, w: 20, h: 20, mode: "add" },
    });
    expect(tool.onPointerUp({ x: 10, y: 25 }, primary)).toEqual({
      commit: { kind: "rect", x: 10, y: 25, w: 20, h: 15, mode: "add" },
    });
    expect(tool.isActive()).toBe(false);
  });

  it("commits nothing for a click without a drag, a middle-drag or a cancelled drag", () => {
    const tool = createRectTool({ mode: "erase" });
    tool.onPointerDown({ x: 3, y: 3 }, primary);
    expect(tool.onPointerUp({ x: 3, y: 3 }, primary)).toEqual({});
    tool.onPointerDown({ x: 3, y: 3 }, middle);
    expect(tool.onPointerUp({ x: 30, y: 30 }, middle)).toEqual({});
    tool.onPointerDown({ x: 3, y: 3 }, primary);
    tool.onPointerMove({ x: 20, y: 20 }, move);
    tool.onPointerCancel();
    expect(tool.onPointerUp({ x: 20, y: 20 }, primary)).toEqual({});
  });
});
