"use client";
/**
 * A read-only window API for the browser tests (after tldraw's): where the image is on screen
 * and what the document holds, so a test can aim a stroke at image pixel (x, y) and check the
 * mask that reached the engine independently of the editor's own maths. It exposes nothing the
 * page does not already show.
 */
import type { View } from "@/lib/canvas/coords";
import type { MaskBitmap, Size, Stroke } from "@/lib/canvas/types";

export interface MaskEditorTestApi {
  view(): View | null;
  imageSize(): Size;
  strokes(): readonly Stroke[];
  tool(): string;
  /** The stage's box in CSS px (client coordinates). */
  stageBox(): { x: number; y: number; width: number; height: number } | null;
  /**
   * Pixels where the tinted overlay disagrees with the mask (tinted but black, or white but not
   * tinted): 0 when the overlay, repainted only where a commit changed it, shows the mask.
   */
  overlayMismatches(): number;
}

/** Compares the overlay canvas's alpha with the mask bitmap, pixel by pixel. */
export function overlayMismatches(bitmap: MaskBitmap, tint: HTMLCanvasElement): number {
  const ctx = tint.getContext("2d");
  if (!ctx || tint.width !== bitmap.width || tint.height !== bitmap.height) return bitmap.width * bitmap.height;
  const rgba = ctx.getImageData(0, 0, tint.width, tint.height).data;
  let n = 0;
  for (let i = 0; i < bitmap.data.length; i++) if (rgba[i * 4 + 3] > 0 !== (bitmap.data[i] === 255)) n++;
  return n;
}

declare global {
  interface Window {
    __maskEditor?: MaskEditorTestApi;
  }
}

export function exposeTestApi(api: MaskEditorTestApi): () => void {
  window.__maskEditor = api;
  return () => {
    if (window.__maskEditor === api) delete window.__maskEditor;
  };
}
