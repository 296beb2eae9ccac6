/**
 * The editor's tools by id, and the factory that turns an id into the state machine from
 * `../tools`. "hand" has no machine: a hand drag pans, which the gesture controller does itself.
 */
import { createBrushTool } from "@/lib/canvas/tools/brush-tool";
import { createFreehandLassoTool } from "@/lib/canvas/tools/freehand-lasso-tool";
import { createPolygonLassoTool } from "@/lib/canvas/tools/polygon-lasso-tool";
import { createRectTool } from "@/lib/canvas/tools/rect-tool";
import type { Tool } from "@/lib/canvas/tools/tool-types";
import type { StrokeMode } from "@/lib/canvas/types";

export const TOOL_IDS = ["brush", "eraser", "rect", "lasso", "polygon", "hand"] as const;
export type ToolId = (typeof TOOL_IDS)[number];

export const TOOL_LABELS: Record<ToolId, string> = {
  brush: "Brush",
  eraser: "Eraser",
  rect: "Rectangle",
  lasso: "Freehand lasso",
  polygon: "Polygon lasso",
  hand: "Hand (pan)",
};

/** Tools whose footprint is the brush radius (the cursor shows a circle of that size). */
export function usesBrush(tool: ToolId): boolean {
  return tool === "brush" || tool === "eraser";
}

export interface ToolSettings {
  /** Brush radius in image pixels. */
  radius: number;
  /** Shapes add to the mask, or (with Alt held) cut from it. */
  mode: StrokeMode;
}

export function createToolById(id: ToolId, s: ToolSettings): Tool | null {
  switch (id) {
    case "brush":
      return createBrushTool({ radius: s.radius, mode: "brush" });
    case "eraser":
      return createBrushTool({ radius: s.radius, mode: "erase" });
    case "rect":
      return createRectTool({ mode: s.mode });
    case "lasso":
      return createFreehandLassoTool({ mode: s.mode });
    case "polygon":
      return createPolygonLassoTool({ mode: s.mode });
    case "hand":
      return null;
  }
}
