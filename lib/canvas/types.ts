/**
 * The mask document: what the editor stores and what export renders from.
 *
 * Every coordinate is in source-image pixels (x right, y down, origin at the image's top-left
 * corner; pixel (i, j) covers [i, i+1) × [j, j+1) and its centre is (i + 0.5, j + 0.5)). Nothing
 * here knows about the screen, zoom or devicePixelRatio, so a window resize or a zoom change can
 * neither lose nor shift a stroke: only `coords.ts` converts from screen space, once, at input.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Whether a shape paints "area to change" (white) or removes it (black). */
export type StrokeMode = "add" | "erase";

/**
 * One committed action. Strokes are replayed in order, so each is a plain value (JSON-safe, for
 * the browser store) and later strokes simply overwrite earlier pixels.
 */
export type Stroke =
  /** Discs of `radius` swept along the polyline (a capsule per segment), painting white. */
  | { kind: "brush"; points: Point[]; radius: number }
  /** The same footprint as `brush`, painting black. */
  | { kind: "erase"; points: Point[]; radius: number }
  /** Axis-aligned rectangle; w and h may be negative (dragged up or left). */
  | { kind: "rect"; x: number; y: number; w: number; h: number; mode: StrokeMode }
  /** Closed polygon (freehand or click-by-click lasso), filled with the nonzero rule. */
  | { kind: "polygon"; points: Point[]; mode: StrokeMode }
  | { kind: "fill-all" }
  | { kind: "clear" }
  | { kind: "invert" }
  /** Binary dilation by a disc of radius n px (Nova wants binary masks, so this replaces feathering). */
  | { kind: "grow"; n: number }
  /** Binary erosion by a disc of radius n px. */
  | { kind: "shrink"; n: number }
  /**
   * A whole mask loaded from a file (an uploaded mask to refine), run-length encoded: run
   * lengths alternate black, white, black, … starting with black, row-major, summing to w × h.
   */
  | { kind: "bitmap"; width: number; height: number; runs: number[] };

export type StrokeKind = Stroke["kind"];

/** The mask of one source image: its natural size and the strokes painted on it. */
export interface MaskDoc {
  width: number;
  height: number;
  strokes: readonly Stroke[];
}

/**
 * A rendered mask: one byte per pixel, row-major, 0 = keep, 255 = change (the app's
 * white-edit convention; provider polarity is applied only at export, see `mask-export.ts`).
 */
export interface MaskBitmap {
  width: number;
  height: number;
  data: Uint8Array;
}
