/**
 * The pixels a stroke can change, as a rectangle clipped to the image (x0, y0 inclusive; x1, y1
 * exclusive), or null when it may change any pixel (fill, clear, invert, grow, shrink, bitmap).
 * Used to repaint only that part of the tinted overlay after a commit. Generous by one pixel on
 * every side: a pixel is painted when its centre is inside, so a shape's edge can reach the
 * pixel its coordinate rounds into.
 */
import type { Point, Size, Stroke } from "@/lib/canvas/types";

export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function around(points: readonly Point[], pad: number, size: Size): PixelRect | null {
  if (points.length === 0) return { x0: 0, y0: 0, x1: 0, y1: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.x > maxX) maxX = p.x;
    if (p.y > maxY) maxY = p.y;
  }
  return clip(minX - pad, minY - pad, maxX + pad, maxY + pad, size);
}

function clip(minX: number, minY: number, maxX: number, maxY: number, size: Size): PixelRect {
  const x0 = Math.max(0, Math.min(size.width, Math.floor(minX) - 1));
  const y0 = Math.max(0, Math.min(size.height, Math.floor(minY) - 1));
  const x1 = Math.max(x0, Math.min(size.width, Math.ceil(maxX) + 1));
  const y1 = Math.max(y0, Math.min(size.height, Math.ceil(maxY) + 1));
  return { x0, y0, x1, y1 };
}

export function strokeBounds(stroke: Stroke, size: Size): PixelRect | null {
  switch (stroke.kind) {
    case "brush":
    case "erase":
      return around(stroke.points, stroke.radius, size);
    case "polygon":
      return around(stroke.points, 0, size);
    case "rect":
      return clip(Math.min(stroke.x, stroke.x + stroke.w), Math.min(stroke.y, stroke.y + stroke.h), Math.max(stroke.x, stroke.x + stroke.w), Math.max(stroke.y, stroke.y + stroke.h), size);
    default:
      return null;
  }
}

/** The smallest rectangle holding both (null, "anything", absorbs). */
export function unionRect(a: PixelRect | null, b: PixelRect | null): PixelRect | null {
  if (!a || !b) return null;
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
