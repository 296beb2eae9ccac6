/**
 * The OUTPAINTING frame: a larger (or differently shaped) canvas with the source image placed
 * somewhere inside it. Pure geometry, no React and no DOM, so it runs in vitest.
 *
 * Everything is in frame pixels (x right, y down, origin at the frame's top-left corner). The
 * source sits at `placedRect(placement, source)`, an integer rect; the padded image and the mask
 * are both built from that one rect, so the kept area of the mask matches the source's pixels
 * exactly. Mask convention is the app's (white = area to generate, black = keep; Nova's
 * OUTPAINTING reads it the same way, see `lib/models/mask-polarity.ts`).
 */
import type { Point, Size, Stroke } from "@/lib/canvas/types";
import { INPUT_IMAGE_LIMITS } from "@/lib/models/image-rules";
import type { AspectRatio, SizeScale } from "@/lib/models/nova-canvas/options";
import { outputSize } from "@/lib/models/nova-canvas/output-size";

/** Where the source goes: its top-left corner in frame px and its scale factor. */
export interface Placement {
  x: number;
  y: number;
  scale: number;
}

/** An integer rect in frame px. */
export interface FrameRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How the person chose the frame: a model output size, or explicit pixels. */
export type FrameChoice =
  | { kind: "preset"; aspectRatio: AspectRatio; sizeScale: SizeScale }
  | { kind: "custom"; width: number; height: number };

export interface FrameSizeError {
  /** "width" / "height" for a single side, "frame" for pixel count or aspect ratio. */
  field: "width" | "height" | "frame";
  message: string;
}

export const MIN_PLACEMENT_SCALE = 0.05;
export const MAX_PLACEMENT_SCALE = 8;
/** The placed source must overlap the frame by at least this many px in x and in y. */
export const MIN_OVERLAP = 16;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const fmt = (n: number): string => n.toLocaleString("en-US");

export function clampScale(scale: number): number {
  return Number.isFinite(scale) ? clamp(scale, MIN_PLACEMENT_SCALE, MAX_PLACEMENT_SCALE) : 1;
}

/** The frame size for a choice (a preset goes through the same table as the output size). */
export function frameSizeOf(choice: FrameChoice): Size {
  return choice.kind === "preset" ? outputSize(choice.aspectRatio, choice.sizeScale) : { width: choice.width, height: choice.height };
}

function sideError(field: "width" | "height", v: number | null): FrameSizeError | null {
  const L = INPUT_IMAGE_LIMITS;
  if (v === null || !Number.isFinite(v)) return { field, message: `frame ${field} is required (a whole number of px between ${L.minSide} and ${L.maxSide})` };
  if (!Number.isInteger(v)) return { field, message: `frame ${field} must be a whole number of px (got ${v})` };
  if (v < L.minSide || v > L.maxSide) return { field, message: `frame ${field} must be between ${L.minSide} and ${L.maxSide} px (got ${v})` };
  return null;
}

/**
 * The input-image rules (each side 320–4096 px, at most 4,194,304 px, aspect at most 4:1)
 * applied to the frame, since the padded image is what gets sent. Empty when it is valid.
 */
export function validateFrameSize(width: number | null, height: number | null): FrameSizeError[] {
  const L = INPUT_IMAGE_LIMITS;
  const out = [sideError("width", width), sideError("height", height)].filter((e): e is FrameSizeError => e !== null);
  if (out.length > 0 || width === null || height === null) return out;
  if (width * height > L.maxPixels) {
    out.push({ field: "frame", message: `frame must have at most ${fmt(L.maxPixels)} px (got ${width}×${height} = ${fmt(width * height)})` });
  }
  const ratio = Math.max(width, height) / Math.min(width, height);
  if (ratio > L.maxAspect) {
    out.push({ field: "frame", message: `frame aspect ratio must be between 1:${L.maxAspect} and ${L.maxAspect}:1 (got ${width}×${height}, ${ratio.toFixed(2)}:1)` });
  }
  return out;
}

/** The source's rect in the frame: position and size rounded to whole pixels (at least 1×1). */
export function placedRect(p: Placement, source: Size): FrameRect {
  return {
    x: Math.round(p.x),
    y: Math.round(p.y),
    w: Math.max(1, Math.round(source.width * p.scale)),
    h: Math.max(1, Math.round(source.height * p.scale)),
  };
}

function centred(scale: number, source: Size, frame: Size): Placement {
  const r = placedRect({ x: 0, y: 0, scale }, source);
  return { x: Math.floor((frame.width - r.w) / 2), y: Math.floor((frame.height - r.h) / 2), scale };
}

/** The source centred, at 100% unless that does not fit; then scaled down to fit (never up). */
export function defaultPlacement(source: Size, frame: Size): Placement {
  return centred(clampScale(Math.min(1, frame.width / source.width, frame.height / source.height)), source, frame);
}

/** The source centred and scaled, up or down, to touch the frame on two sides ("Fit"). */
export function fitPlacement(source: Size, frame: Size): Placement {
  return centred(clampScale(Math.min(frame.width / source.width, frame.height / source.height)), source, frame);
}

/** The current scale, centred ("Centre"). */
export function centrePlacement(p: Placement, source: Size, frame: Size): Placement {
  return centred(clampScale(p.scale), source, frame);
}

/**
 * Scale within [0.05, 8], x and y whole pixels, and the placed rect overlapping the frame by at
 * least 16 px each way (less only when the rect or the frame is itself narrower than that).
 */
export function clampPlacement(p: Placement, source: Size, frame: Size): Placement {
  const scale = clampScale(p.scale);
  const r = placedRect({ x: Number.isFinite(p.x) ? p.x : 0, y: Number.isFinite(p.y) ? p.y : 0, scale }, source);
  const ox = Math.min(MIN_OVERLAP, r.w, frame.width);
  const oy = Math.min(MIN_OVERLAP, r.h, frame.height);
  return { x: clamp(r.x, ox - r.w, frame.width - ox), y: clamp(r.y, oy - r.h, frame.height - oy), scale };
}

/** The rect clipped to the frame; null when they do not overlap. */
export function clipRect(r: FrameRect, frame: Size): FrameRect | null {
  const x0 = Math.max(0, r.x);
  const y0 = Math.max(0, r.y);
  const x1 = Math.min(frame.width, r.x + r.w);
  const y1 = Math.min(frame.height, r.y + r.h);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

/** True when the source covers every frame pixel, so the mask would have nothing to generate. */
export function coversFrame(r: FrameRect, frame: Size): boolean {
  return r.x <= 0 && r.y <= 0 && r.x + r.w >= frame.width && r.y + r.h >= frame.height;
}

/** True when part of the source falls outside the frame (and will be cut off). */
export function overflowsFrame(r: FrameRect, frame: Size): boolean {
  return r.x < 0 || r.y < 0 || r.x + r.w > frame.width || r.y + r.h > frame.height;
}

/** The padding around the kept (clipped) rect, as up to four rects: top, bottom, left, right. */
export function paddingRects(kept: FrameRect, frame: Size): FrameRect[] {
  const bottom = kept.y + kept.h;
  const right = kept.x + kept.w;
  return [
    { x: 0, y: 0, w: frame.width, h: kept.y },
    { x: 0, y: bottom, w: frame.width, h: frame.height - bottom },
    { x: 0, y: kept.y, w: kept.x, h: kept.h },
    { x: right, y: kept.y, w: frame.width - right, h: kept.h },
  ].filter((r) => r.w > 0 && r.h > 0);
}

/**
 * The alpha-weighted average colour of RGBA pixel runs (e.g. the source's border rows and
 * columns), as a CSS colour; `fallback` when nothing in them is opaque at all.
 */
export function averageColour(runs: readonly ArrayLike<number>[], fallback = "#808080"): string {
  let r = 0;
  let g = 0;
  let b = 0;
  let a = 0;
  for (const px of runs) {
    for (let i = 0; i + 3 < px.length; i += 4) {
      const alpha = px[i + 3];
      r += px[i] * alpha;
      g += px[i + 1] * alpha;
      b += px[i + 2] * alpha;
      a += alpha;
    }
  }
  if (a === 0) return fallback;
  return `rgb(${Math.round(r / a)} ${Math.round(g / a)} ${Math.round(b / a)})`;
}

/** The frame-size mask as strokes: white everywhere, black where the source sits. */
export function frameMaskStrokes(rect: FrameRect, frame: Size): Stroke[] {
  const kept = clipRect(rect, frame);
  const strokes: Stroke[] = [{ kind: "fill-all" }];
  if (kept) strokes.push({ kind: "rect", x: kept.x, y: kept.y, w: kept.w, h: kept.h, mode: "erase" });
  return strokes;
}

/** Moved by (dx, dy) frame px from where a drag started. Not clamped: pass it to `clampPlacement`. */
export function dragPlacement(start: Placement, dx: number, dy: number): Placement {
  return { x: start.x + dx, y: start.y + dy, scale: start.scale };
}

/**
 * Scaled by `factor` (the result kept within [0.05, 8]) so that the source point under `anchor`
 * (frame px) stays under it. Not rounded: pass it to `clampPlacement`.
 */
export function scalePlacementAbout(p: Placement, factor: number, anchor: Point): Placement {
  const scale = clampScale(p.scale * factor);
  const k = scale / p.scale;
  return { x: anchor.x - (anchor.x - p.x) * k, y: anchor.y - (anchor.y - p.y) * k, scale };
}

/** The centre of the placed rect, the natural anchor for the slider and the keyboard. */
export function rectCentre(r: FrameRect): Point {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}
