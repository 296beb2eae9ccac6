import { describe, expect, it } from "vitest";
import { createFreehandLassoTool } from "@/lib/canvas/tools/freehand-lasso-tool";
import { createPolygonLassoTool } from "@/lib/canvas/tools/polygon-lasso-tool";
import type { PointerInfo } from "@/lib/canvas/tools/tool-types";
import type { Point } from "@/lib/canvas/types";

const primary: PointerInfo = { button: 0, pointerType: "mouse" };
const middle: PointerInfo = { button: 1, pointerType: "mouse" };
const move: PointerInfo = { button: -1, pointerType: "mouse" };
const square: Point[] = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];

describe("freehand lasso", () => {
  it("collects points while dragging and commits one polygon on pointer-up", () => {
    const tool = createFreehandLassoTool({ mode: "add" });
    tool.onPointerDown(square[0], primary);
    for (const p of square.slice(1)) expect(tool.onPointerMove(p, move).commit).toBeUndefined();
    expect(tool.onPointerUp({ x: 0, y: 5 }, primary)).toEqual({
      commit: { kind: "polygon", mode: "add", points: [...square, { x: 0, y: 5 }] },
    });
    expect(tool.isActive()).toBe(false);
  });

  it("commits nothing for a click, a middle-drag or a cancelled drag", () => {
    const tool = createFreehandLassoTool({ mode: "erase" });
    tool.onPointerDown({ x: 1, y: 1 }, primary);
    expect(tool.onPointerUp({ x: 1, y: 1 }, primary)).toEqual({});
    tool.onPointerDown({ x: 1, y: 1 }, middle);
    tool.onPointerMove({ x: 9, y: 9 }, move);
    expect(tool.onPointerUp({ x: 9, y: 1 }, middle)).toEqual({});
    tool.onPointerDown(square[0], primary);
    for (const p of square.slice(1)) tool.onPointerMove(p, move);
    tool.onPointerCancel();
    expect(tool.onPointerUp(square[0], primary)).toEqual({});
  });
});

describe("polygon lasso", () => {
  const click = (tool: ReturnType<typeof createPolygonLassoTool>, p: Point) => {
    tool.onPointerDown(p, primary);
    return tool.onPointerUp(p, primary);
  };

  it("adds a vertex per click, previews a rubber band, and closes on the first vertex", () => {
    const tool = createPolygonLassoTool({ mode: "add", closeDistance: 2 });
    for (const p of square) expect(click(tool, p).commit).toBeUndefined();
    expect(tool.onPointerMove({ x: 5, y: 5 }, move).preview).toEqual({
      kind: "polygon",
      mode: "add",
      points: [...square, { x: 5, y: 5 }],
    });
    expect(click(tool, { x: 1, y: 1 })).toEqual({ commit: { kind: "polygon", mode: "add", points: square } });
    expect(tool.isActive()).toBe(false);
  });

  it("closes on Enter and on double-click (whose second click adds no vertex)", () => {
    const enter = createPolygonLassoTool({ mode: "add" });
    for (const p of square) click(enter, p);
    expect(enter.onKeyDown?.("Enter").commit).toEqual({ kind: "polygon", mode: "add", points: square });

    const dbl = createPolygonLassoTool({ mode: "erase" });
    for (const p of square) click(dbl, p);
    click(dbl, square[3]);
    expect(dbl.onDoubleClick?.().commit).toEqual({ kind: "polygon", mode: "erase", points: square });
  });

  it("does not close with fewer than three vertices, and Escape drops the polygon", () => {
    const tool = createPolygonLassoTool({ mode: "add" });
    click(tool, square[0]);
    click(tool, square[1]);
    expect(tool.onKeyDown?.("Enter")).toEqual({});
    expect(tool.isActive()).toBe(true);
    tool.onKeyDown?.("Escape");
    expect(tool.isActive()).toBe(false);
    expect(tool.onKeyDown?.("Enter")).toEqual({});
  });

  it("ignores the middle button; a cancelled press adds no vertex and keeps the others", () => {
    const tool = createPolygonLassoTool({ mode: "add" });
    for (const p of square.slice(0, 3)) click(tool, p);
    tool.onPointerDown({ x: 50, y: 50 }, middle);
    expect(tool.onPointerUp({ x: 50, y: 50 }, middle)).toEqual({});
    tool.onPointerDown({ x: 60, y: 60 }, primary);
    expect(tool.onPointerCancel().commit).toBeUndefined();
    expect(tool.onKeyDown?.("Enter").commit).toEqual({ kind: "polygon", mode: "add", points: square.slice(0, 3) });
  });

  it("Backspace removes the last vertex", () => {
    const tool = createPolygonLassoTool({ mode: "add" });
    for (const p of [...square, { x: 40, y: 40 }]) click(tool, p);
    tool.onKeyDown?.("Backspace");
    expect(tool.onKeyDown?.("Enter").commit).toEqual({ kind: "polygon", mode: "add", points: square });
  });
});
