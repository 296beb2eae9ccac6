"use client";
/**
 * The mask editor's UI state: tool, brush, overlay look, view toggles. Preferences survive a
 * reload; the transient toggles (help, "what the model receives") do not.
 */
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { ToolId } from "@/lib/canvas/editor/tool-ids";
import type { StrokeMode } from "@/lib/canvas/types";

export const BRUSH_MIN = 1;
export const BRUSH_MAX = 512;
export const TINT_COLORS = ["#ef4444", "#3b82f6", "#22c55e", "#eab308", "#d946ef"] as const;

interface MaskEditorState {
  tool: ToolId;
  /** Brush radius in source-image pixels: the footprint is the same at every zoom. */
  radius: number;
  shapeMode: StrokeMode;
  tint: string;
  /** Overlay opacity, 0.1–1. */
  opacity: number;
  overlayHidden: boolean;
  /** Show the black-and-white mask as sent, instead of the tinted overlay. */
  maskView: boolean;
  helpOpen: boolean;
  /** N of "grow/shrink by N px". */
  morphologyN: number;
  setTool(tool: ToolId): void;
  setRadius(radius: number): void;
  setShapeMode(mode: StrokeMode): void;
  setTint(tint: string): void;
  setOpacity(opacity: number): void;
  setMorphologyN(n: number): void;
  toggleOverlay(): void;
  toggleMaskView(): void;
  setHelpOpen(open: boolean): void;
}

export const clampRadius = (r: number) => Math.round(Math.min(Math.max(r, BRUSH_MIN), BRUSH_MAX) * 2) / 2;

export const useMaskEditor = create<MaskEditorState>()(
  persist(
    (set) => ({
      tool: "brush",
      radius: 24,
      shapeMode: "add",
      tint: TINT_COLORS[0],
      opacity: 0.5,
      overlayHidden: false,
      maskView: false,
      helpOpen: false,
      morphologyN: 4,
      setTool: (tool) => set({ tool }),
      setRadius: (radius) => set({ radius: clampRadius(radius) }),
      setShapeMode: (shapeMode) => set({ shapeMode }),
      setTint: (tint) => set({ tint }),
      setOpacity: (opacity) => set({ opacity: Math.min(Math.max(opacity, 0.1), 1) }),
      setMorphologyN: (n) => set({ morphologyN: Math.min(Math.max(Math.round(n), 0), 256) }),
      toggleOverlay: () => set((s) => ({ overlayHidden: !s.overlayHidden })),
      toggleMaskView: () => set((s) => ({ maskView: !s.maskView })),
      setHelpOpen: (helpOpen) => set({ helpOpen }),
    }),
    {
      name: "nova-canvas.mask-editor",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ tool: s.tool, radius: s.radius, shapeMode: s.shapeMode, tint: s.tint, opacity: s.opacity, morphologyN: s.morphologyN }),
    },
  ),
);
