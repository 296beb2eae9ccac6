"use client";
/**
 * A read-only window API for the browser tests (after tldraw's): where the image is on screen
 * and what the document holds, so a test can aim a stroke at image pixel (x, y) and check the
 * mask that reached the engine independently of the editor's own maths. It exposes nothing the
 * page does not already show.
 */
import type { View } from "@/lib/canvas/coords";
import type { Size, Stroke } from "@/lib/canvas/types";

export interface MaskEditorTestApi {
  view(): View | null;
  imageSize(): Size;
  strokes(): readonly Stroke[];
  tool(): string;
  /** The stage's box in CSS px (client coordinates). */
  stageBox(): { x: number; y: number; width: number; height: number } | null;
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
