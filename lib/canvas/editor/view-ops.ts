/**
 * Zoom and pan operations on a View (see coords.ts), shared by the gesture controller, the zoom
 * buttons and the shortcuts, so "200 %" means the same thing whichever way it was asked for.
 */
import { fitView, screenToImage, zoomAt, type View } from "@/lib/canvas/coords";
import type { Point, Size } from "@/lib/canvas/types";

export const ZOOM_MIN = 0.02;
export const ZOOM_MAX = 32;
/** The stops of the zoom buttons and of +/- (fit sits wherever the image needs it). */
export const ZOOM_STEPS = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32] as const;

export function clampZoom(zoom: number): number {
  return Math.min(Math.max(zoom, ZOOM_MIN), ZOOM_MAX);
}

function center(viewport: Size): Point {
  return { x: viewport.width / 2, y: viewport.height / 2 };
}

/** Zoom about the viewport's centre (buttons, keys). */
export function zoomCentered(view: View, viewport: Size, zoom: number): View {
  return zoomAt(view, center(viewport), clampZoom(zoom));
}

/** The next stop above (dir 1) or below (dir -1) the current zoom. */
export function nextZoomStep(zoom: number, dir: 1 | -1): number {
  const eps = 1e-6;
  if (dir > 0) return ZOOM_STEPS.find((z) => z > zoom + eps) ?? ZOOM_MAX;
  return [...ZOOM_STEPS].reverse().find((z) => z < zoom - eps) ?? ZOOM_MIN;
}

/** Fit the whole image, allowing a small image to grow up to 100 % only. */
export function fitToViewport(image: Size, viewport: Size, dpr: number): View {
  return fitView(image, viewport, dpr, 1);
}

/**
 * After a window resize, keep the image point that was at the viewport's centre at the new
 * centre, at the same zoom. Strokes are in image pixels, so nothing else needs to change.
 */
export function resizeView(view: View, before: Size, after: Size): View {
  const fixed = screenToImage(center(before), view);
  const c = center(after);
  return { ...view, panX: c.x - fixed.x * view.zoom, panY: c.y - fixed.y * view.zoom };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, panX: view.panX + dx, panY: view.panY + dy };
}

/** Wheel delta → zoom factor. Trackpad pinches arrive as ctrl+wheel with small deltas. */
export function wheelZoomFactor(deltaY: number, pinch: boolean): number {
  const k = pinch ? 0.01 : 0.0015;
  return Math.exp(-deltaY * k);
}

/** "37 %" for the zoom readout. */
export function zoomLabel(zoom: number): string {
  const pct = zoom * 100;
  return `${pct >= 10 ? Math.round(pct) : pct.toFixed(1)} %`;
}
