/** Rectangle: idle → dragging (preview follows the pointer) → commit on pointer-up. */
import type { Point, Stroke, StrokeMode } from "@/lib/canvas/types";
import { isPaintButton, isSamePointer, NOTHING, type Tool, type ToolResult } from "@/lib/canvas/tools/tool-types";

export interface RectToolOptions {
  mode: StrokeMode;
}

/** Normalised so w and h are never negative, whichever way the drag went. */
function rectBetween(a: Point, b: Point, mode: StrokeMode): Stroke {
  return {
    kind: "rect",
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(b.x - a.x),
    h: Math.abs(b.y - a.y),
    mode,
  };
}

export function createRectTool(options: RectToolOptions): Tool {
  let start: Point | null = null;
  let pointerId: number | undefined;

  return {
    onPointerDown(point, info): ToolResult {
      if (!isPaintButton(info) || start) return NOTHING;
      start = point;
      pointerId = info.pointerId;
      return { preview: rectBetween(point, point, options.mode) };
    },
    onPointerMove(point, info): ToolResult {
      if (!start || !isSamePointer(pointerId, info)) return NOTHING;
      return { preview: rectBetween(start, point, options.mode) };
    },
    onPointerUp(point, info): ToolResult {
      if (!start || !isSamePointer(pointerId, info) || !isPaintButton(info)) return NOTHING;
      const rect = rectBetween(start, point, options.mode);
      start = null;
      // A click without a drag selects nothing; committing it would only add an empty undo step.
      if (rect.kind === "rect" && (rect.w === 0 || rect.h === 0)) return NOTHING;
      return { commit: rect };
    },
    onPointerCancel(): ToolResult {
      start = null;
      return NOTHING;
    },
    onKeyDown(key): ToolResult {
      if (key === "Escape") start = null;
      return NOTHING;
    },
    isActive: () => start !== null,
  };
}
