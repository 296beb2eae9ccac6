/**
 * Freehand lasso: idle → dragging (the outline follows the pointer) → commit on pointer-up, the
 * outline closed back to its first point.
 */
import type { Point, Stroke, StrokeMode } from "@/lib/canvas/types";
import {
  distance,
  isPaintButton,
  isSamePointer,
  NOTHING,
  type Tool,
  type ToolResult,
} from "@/lib/canvas/tools/tool-types";

export interface FreehandLassoOptions {
  mode: StrokeMode;
  /** Moves closer than this (image px) to the last kept point are dropped. */
  minStep?: number;
}

export function createFreehandLassoTool(options: FreehandLassoOptions): Tool {
  const minStep = options.minStep ?? 0.5;
  let points: Point[] | null = null;
  let pointerId: number | undefined;

  const polygon = (): Stroke => ({ kind: "polygon", points: [...(points ?? [])], mode: options.mode });

  return {
    onPointerDown(point, info): ToolResult {
      if (!isPaintButton(info) || points) return NOTHING;
      points = [point];
      pointerId = info.pointerId;
      return { preview: polygon() };
    },
    onPointerMove(point, info): ToolResult {
      if (!points || !isSamePointer(pointerId, info)) return NOTHING;
      if (distance(points[points.length - 1], point) >= minStep) points.push(point);
      return { preview: polygon() };
    },
    onPointerUp(point, info): ToolResult {
      if (!points || !isSamePointer(pointerId, info) || !isPaintButton(info)) return NOTHING;
      if (distance(points[points.length - 1], point) > 0) points.push(point);
      const result = polygon();
      points = null;
      // Fewer than three points encloses nothing: a click or a straight flick is not a selection.
      return result.kind === "polygon" && result.points.length >= 3 ? { commit: result } : NOTHING;
    },
    onPointerCancel(): ToolResult {
      points = null;
      return NOTHING;
    },
    onKeyDown(key): ToolResult {
      if (key === "Escape") points = null;
      return NOTHING;
    },
    isActive: () => points !== null,
  };
}
