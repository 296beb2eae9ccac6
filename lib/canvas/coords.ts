/**
 * Screen ↔ image coordinates. This is the only place that knows about zoom, pan and
 * devicePixelRatio; strokes are converted once, at input, and stored in image pixels.
 *
 * "Screen" means CSS pixels relative to the stage's top-left corner (what PointerEvent.offsetX/Y
 * and Konva's getPointerPosition report). "Device" means backing-store pixels (CSS × DPR). Mixing
 * the two is the classic cause of masks that are offset or scaled on high-DPI screens, so both
 * directions are explicit functions rather than ad-hoc multiplications in the editor.
 */
import type { Point, Size } from "@/lib/canvas/types";

export interface View {
  /** CSS pixels per image pixel. */
  zoom: number;
  /** Screen position (CSS px) of the image's top-left corner. */
  panX: number;
  panY: number;
  devicePixelRatio: number;
}

export function screenToImage(p: Point, view: View): Point {
  return { x: (p.x - view.panX) / view.zoom, y: (p.y - view.panY) / view.zoom };
}

export function imageToScreen(p: Point, view: View): Point {
  return { x: p.x * view.zoom + view.panX, y: p.y * view.zoom + view.panY };
}

export function deviceToImage(p: Point, view: View): Point {
  const dpr = view.devicePixelRatio;
  return screenToImage({ x: p.x / dpr, y: p.y / dpr }, view);
}

export function imageToDevice(p: Point, view: View): Point {
  const s = imageToScreen(p, view);
  return { x: s.x * view.devicePixelRatio, y: s.y * view.devicePixelRatio };
}

/**
 * Clamp to the image rectangle [0, width] × [0, height]. Meant for shape corners (rect, lasso):
 * brush centres are not clamped, because a disc centred just outside still paints the edge.
 */
export function clampToImage(p: Point, size: Size): Point {
  return {
    x: Math.min(Math.max(p.x, 0), size.width),
    y: Math.min(Math.max(p.y, 0), size.height),
  };
}

export function isInsideImage(p: Point, size: Size): boolean {
  return p.x >= 0 && p.y >= 0 && p.x < size.width && p.y < size.height;
}

/** The view that shows the whole image centred in the viewport (CSS px), never above `maxZoom`. */
export function fitView(image: Size, viewport: Size, devicePixelRatio: number, maxZoom = 1): View {
  const zoom = Math.min(viewport.width / image.width, viewport.height / image.height, maxZoom);
  return {
    zoom,
    panX: (viewport.width - image.width * zoom) / 2,
    panY: (viewport.height - image.height * zoom) / 2,
    devicePixelRatio,
  };
}

/** Change zoom while keeping the image point under `anchor` (screen px) where it is: wheel and pinch. */
export function zoomAt(view: View, anchor: Point, zoom: number): View {
  const fixed = screenToImage(anchor, view);
  return { ...view, zoom, panX: anchor.x - fixed.x * zoom, panY: anchor.y - fixed.y * zoom };
}

/** Brush radius in screen px for the cursor outline, so the cursor shows the true footprint. */
export function imageLengthToScreen(length: number, view: View): number {
  return length * view.zoom;
}
