"use client";
/** The EditorActions the commands run against, implemented over the two zustand stores. */
import { useMemo } from "react";
import type { EditorActions } from "@/lib/canvas/commands/types";
import type { Size, Stroke } from "@/lib/canvas/types";
import { useMaskDocs } from "@/lib/mask-editor/mask-docs-store";
import { useMaskEditor } from "@/lib/mask-editor/mask-editor-store";

export function useEditorActions(
  docKey: string,
  size: Size,
  view: { setZoom(z: number | "fit"): void; stepZoom(dir: 1 | -1): void },
): EditorActions {
  const { setZoom, stepZoom } = view;
  return useMemo<EditorActions>(() => {
    const docs = () => useMaskDocs.getState();
    const ui = () => useMaskEditor.getState();
    return {
      commit: (stroke: Stroke) => docs().commit(docKey, size, stroke),
      undo: () => docs().undo(docKey),
      redo: () => docs().redo(docKey),
      canUndo: () => (docs().docs[docKey]?.done.length ?? 0) > 0,
      canRedo: () => (docs().docs[docKey]?.undone.length ?? 0) > 0,
      setTool: (tool) => ui().setTool(tool),
      scaleBrush: (factor) => ui().setRadius(ui().radius * factor),
      setZoom,
      stepZoom,
      toggleMaskView: () => ui().toggleMaskView(),
      toggleOverlay: () => ui().toggleOverlay(),
      toggleShapeMode: () => ui().setShapeMode(ui().shapeMode === "add" ? "erase" : "add"),
      toggleHelp: () => ui().setHelpOpen(!ui().helpOpen),
      morphologyAmount: () => ui().morphologyN,
    };
  }, [docKey, size, setZoom, stepZoom]);
}
