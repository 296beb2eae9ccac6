/**
 * Render a MaskDoc to a binary bitmap at the document's size (the source image's natural size).
 * This is the only way a mask is produced, for the preview and for export alike: it is never read
 * back from the on-screen canvas, so screen size, zoom and devicePixelRatio cannot leak into it.
 *
 * Every operation writes only 0 or 255, so the result is binary by construction.
 */
import { growMask, shrinkMask } from "@/lib/canvas/morphology";
import { paintPolygon, paintPolyline, paintRect } from "@/lib/canvas/raster-shapes";
import type { MaskBitmap, MaskDoc, Stroke } from "@/lib/canvas/types";

export const WHITE = 255;
export const BLACK = 0;

export function createMask(width: number, height: number): MaskBitmap {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`mask size must be positive integers, got ${width}×${height}`);
  }
  return { width, height, data: new Uint8Array(width * height) };
}

/** Apply one stroke in place. Exported so the editor can add a new stroke without a full replay. */
export function applyStroke(mask: MaskBitmap, stroke: Stroke): void {
  switch (stroke.kind) {
    case "brush":
      return paintPolyline(mask, stroke.points, stroke.radius, WHITE);
    case "erase":
      return paintPolyline(mask, stroke.points, stroke.radius, BLACK);
    case "rect":
      return paintRect(mask, stroke.x, stroke.y, stroke.w, stroke.h, stroke.mode === "add" ? WHITE : BLACK);
    case "polygon":
      return paintPolygon(mask, stroke.points, stroke.mode === "add" ? WHITE : BLACK);
    case "fill-all":
      mask.data.fill(WHITE);
      return;
    case "clear":
      mask.data.fill(BLACK);
      return;
    case "invert":
      // XOR with 255 maps 0 ↔ 255 and keeps the bitmap binary.
      for (let i = 0; i < mask.data.length; i++) mask.data[i] ^= WHITE;
      return;
    case "grow":
      return growMask(mask, stroke.n);
    case "shrink":
      return shrinkMask(mask, stroke.n);
    case "bitmap":
      return decodeRuns(mask, stroke);
    default: {
      const unknown: never = stroke;
      throw new Error(`unknown stroke ${JSON.stringify(unknown)}`);
    }
  }
}

/** Run-length encodes a binary mask (see the "bitmap" stroke): compact for the browser store. */
export function encodeRuns(mask: MaskBitmap): Stroke & { kind: "bitmap" } {
  const runs: number[] = [];
  let current = 0;
  let length = 0;
  for (let i = 0; i < mask.data.length; i++) {
    const v = mask.data[i] === WHITE ? WHITE : BLACK;
    if (v === current) {
      length++;
    } else {
      runs.push(length);
      current = v;
      length = 1;
    }
  }
  runs.push(length);
  return { kind: "bitmap", width: mask.width, height: mask.height, runs };
}

function decodeRuns(mask: MaskBitmap, stroke: Stroke & { kind: "bitmap" }): void {
  // A bitmap of another size cannot be placed pixel for pixel; it never is (documents are keyed
  // by image, size included), so refusing loudly beats stretching silently.
  if (stroke.width !== mask.width || stroke.height !== mask.height) {
    throw new RangeError(`bitmap stroke is ${stroke.width}×${stroke.height}, the mask ${mask.width}×${mask.height}`);
  }
  let at = 0;
  let value = BLACK;
  for (const run of stroke.runs) {
    mask.data.fill(value, at, Math.min(at + run, mask.data.length));
    at += run;
    value = value === BLACK ? WHITE : BLACK;
  }
}

/** Replay every stroke, in order, onto a black mask of the document's size. */
export function rasterizeMask(doc: MaskDoc): MaskBitmap {
  const mask = createMask(doc.width, doc.height);
  for (const stroke of doc.strokes) applyStroke(mask, stroke);
  return mask;
}

export { maskStats, toRgba, toRgbaForTask } from "@/lib/canvas/mask-export";
export type { MaskStats } from "@/lib/canvas/mask-export";
