/**
 * Polygon lasso: each click adds a vertex; the polygon is committed when it is closed by
 * Enter, a double-click, or a click on the first vertex. Escape drops it, Backspace removes the
 * last vertex.
 *
 * A vertex is added on pointer-up, not down, so a press that is cancelled (a second finger turns
 * it into a pinch) adds nothing; a cancel drops only that press, not the vertices already placed,
 * because losing a dozen careful clicks to a stray touch would be worse than the stray touch.
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

export interface PolygonLassoOptions {
  mode: StrokeMode;
  /**
   * Snap distance in image px for "click on the first vertex" and for ignoring the second click
   * of a double-click. The editor sets it from a screen distance (e.g. 8 CSS px / zoom).
   */
  closeDistance?: number;
}

export interface PolygonLassoTool extends Tool {
  setCloseDistance(distance: number): void;
}

export function createPolygonLassoTool(options: PolygonLassoOptions): PolygonLassoTool {
  let closeDistance = options.closeDistance ?? 4;
  let vertices: Point[] = [];
  let pressed = false;
  let pointerId: number | undefined;

  const polygon = (extra?: Point): Stroke => ({
    kind: "polygon",
    points: extra ? [...vertices, extra] : [...vertices],
    mode: options.mode,
  });
  const reset = () => {
    vertices = [];
    pressed = false;
  };
  /** Fewer than three vertices enclose nothing, so closing then keeps them for more clicks. */
  const close = (): ToolResult => {
    if (vertices.length < 3) return NOTHING;
    const commit = polygon();
    reset();
    return { commit };
  };

  return {
    setCloseDistance(next) {
      if (next > 0) closeDistance = next;
    },
    onPointerDown(_point, info): ToolResult {
      if (!isPaintButton(info) || pressed) return NOTHING;
      pressed = true;
      pointerId = info.pointerId;
      return NOTHING;
    },
    onPointerMove(point, info): ToolResult {
      // The rubber band follows the pointer (hover or drag) once the first vertex is placed.
      if (vertices.length === 0 || !isSamePointer(pressed ? pointerId : undefined, info)) return NOTHING;
      return { preview: polygon(point) };
    },
    onPointerUp(point, info): ToolResult {
      if (!pressed || !isSamePointer(pointerId, info) || !isPaintButton(info)) return NOTHING;
      pressed = false;
      if (vertices.length >= 3 && distance(point, vertices[0]) <= closeDistance) return close();
      const last = vertices[vertices.length - 1];
      if (!last || distance(point, last) > closeDistance) vertices.push(point);
      return { preview: polygon() };
    },
    onPointerCancel(): ToolResult {
      pressed = false;
      return vertices.length > 0 ? { preview: polygon() } : NOTHING;
    },
    onDoubleClick(): ToolResult {
      return close();
    },
    onKeyDown(key): ToolResult {
      if (key === "Enter") return close();
      if (key === "Escape") reset();
      if (key === "Backspace" && vertices.length > 0) {
        vertices.pop();
        return vertices.length > 0 ? { preview: polygon() } : NOTHING;
      }
      return NOTHING;
    },
    isActive: () => vertices.length > 0 || pressed,
  };
}
