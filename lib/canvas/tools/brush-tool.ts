/**
 * Brush and eraser: idle → drawing (points collected on move) → commit on pointer-up.
 * Both share one machine; only the committed stroke kind differs.
 */
import type { Point, Stroke } from "@/lib/canvas/types";
import {
  distance,
  isPaintButton,
  isSamePointer,
  NOTHING,
  type PointerInfo,
  type Tool,
  type ToolResult,
} from "@/lib/canvas/tools/tool-types";

export interface BrushToolOptions {
  /** Radius in image pixels (the editor converts the on-screen size through the zoom). */
  radius: number;
  mode: "brush" | "erase";
  /**
   * Moves closer than this (image px) to the last kept point are dropped: capsules cover the gap
   * anyway, and it keeps strokes from high-rate pens small. The final point is always kept.
   */
  minStep?: number;
}

export interface BrushTool extends Tool {
  setRadius(radius: number): void;
}

export function createBrushTool(options: BrushToolOptions): BrushTool {
  let radius = options.radius;
  const minStep = options.minStep ?? 0.5;
  let points: Point[] | null = null;
  let pointerId: number | undefined;
  /** The radius of the stroke in progress, fixed at pointer-down: a stroke has one radius. */
  let strokeRadius = radius;

  const stroke = (): Stroke => ({ kind: options.mode, points: [...(points ?? [])], radius: strokeRadius });
  const tracking = (info: PointerInfo) => points !== null && isSamePointer(pointerId, info);

  return {
    setRadius(next) {
      // A size change mid-stroke applies to the next stroke: a stroke has one radius.
      if (next > 0) radius = next;
    },
    onPointerDown(point, info): ToolResult {
      if (!isPaintButton(info) || points) return NOTHING;
      points = [point];
      pointerId = info.pointerId;
      strokeRadius = radius;
      return { preview: stroke() };
    },
    onPointerMove(point, info): ToolResult {
      if (!points || !tracking(info)) return NOTHING;
      if (distance(points[points.length - 1], point) >= minStep) points.push(point);
      return { preview: stroke() };
    },
    onPointerUp(point, info): ToolResult {
      if (!points || !tracking(info) || !isPaintButton(info)) return NOTHING;
      const last = points[points.length - 1];
      if (last.x !== point.x || last.y !== point.y) points.push(point);
      const commit = stroke();
      points = null;
      return { commit };
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
