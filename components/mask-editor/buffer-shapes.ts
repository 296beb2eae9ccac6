/**
 * The stroke in progress, drawn imperatively on the buffer layer (never through React state, so a
 * pointer move costs one small Konva redraw however many strokes are committed). Shapes are in
 * image pixels inside a group that carries the view transform; the committed raster replaces
 * them on pointer-up.
 */
import Konva from "konva";
import type { Stroke } from "@/lib/canvas/types";

const ERASE_COLOR = "rgba(255,255,255,0.85)";

function flat(points: readonly { x: number; y: number }[]): number[] {
  const out: number[] = new Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    out[2 * i] = points[i].x;
    out[2 * i + 1] = points[i].y;
  }
  return out;
}

/** Replaces the group's children with the preview of `stroke` (or nothing). */
export function drawPreview(group: Konva.Group, stroke: Stroke | null, tint: string, zoom: number): void {
  group.destroyChildren();
  if (stroke) {
    const hair = 1 / zoom;
    switch (stroke.kind) {
      case "brush":
      case "erase": {
        const pts = stroke.points.length === 1 ? [...flat(stroke.points), ...flat(stroke.points)] : flat(stroke.points);
        group.add(
          new Konva.Line({
            points: pts,
            stroke: stroke.kind === "brush" ? tint : ERASE_COLOR,
            strokeWidth: stroke.radius * 2,
            lineCap: "round",
            lineJoin: "round",
            listening: false,
            perfectDrawEnabled: false,
          }),
        );
        break;
      }
      case "rect":
        group.add(
          new Konva.Rect({
            x: stroke.x,
            y: stroke.y,
            width: stroke.w,
            height: stroke.h,
            fill: stroke.mode === "add" ? tint : ERASE_COLOR,
            stroke: "#111",
            strokeWidth: hair,
            dash: [4 * hair, 4 * hair],
            listening: false,
          }),
        );
        break;
      case "polygon":
        group.add(
          new Konva.Line({
            points: flat(stroke.points),
            closed: true,
            fill: stroke.mode === "add" ? tint : ERASE_COLOR,
            stroke: "#111",
            strokeWidth: 1.5 * hair,
            dash: [5 * hair, 4 * hair],
            listening: false,
          }),
        );
        for (const p of stroke.points.slice(0, 1)) {
          group.add(new Konva.Circle({ x: p.x, y: p.y, radius: 4 * hair, fill: "#fff", stroke: "#111", strokeWidth: hair, listening: false }));
        }
        break;
      default:
        break;
    }
  }
  group.getLayer()?.batchDraw();
}

/** The buffer layer's group, attached by the stage's ref callback and drawn into imperatively. */
export class BufferLayer {
  private group: Konva.Group | null = null;
  readonly attach = (group: Konva.Group | null): void => {
    this.group = group;
  };
  draw(stroke: Stroke | null, tint: string, zoom: number): void {
    if (this.group) drawPreview(this.group, stroke, tint, zoom);
  }
}
