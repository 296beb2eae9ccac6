/**
 * Undo and redo over committed strokes. The committed list *is* the document (the mask is
 * replayed from it), so undo never needs an inverse operation: it moves the last stroke aside.
 * One entry per stroke or command, because tools commit exactly once per pointer-up.
 *
 * Pure functions over an immutable value, so a zustand slice can hold it as-is and every state
 * is a cheap snapshot (arrays are copied, strokes are shared, never mutated).
 */
import type { MaskDoc, Size, Stroke } from "@/lib/canvas/types";

export interface StrokeHistory {
  /** Committed strokes, oldest first: the document. */
  readonly done: readonly Stroke[];
  /** Undone strokes, most recently undone last, waiting for redo. */
  readonly undone: readonly Stroke[];
}

export const EMPTY_HISTORY: StrokeHistory = { done: [], undone: [] };

export function createHistory(strokes: readonly Stroke[] = []): StrokeHistory {
  return { done: [...strokes], undone: [] };
}

/** A new commit forks the timeline, so whatever was undone can no longer be redone. */
export function commitStroke(history: StrokeHistory, stroke: Stroke): StrokeHistory {
  return { done: [...history.done, stroke], undone: [] };
}

export function canUndo(history: StrokeHistory): boolean {
  return history.done.length > 0;
}

export function canRedo(history: StrokeHistory): boolean {
  return history.undone.length > 0;
}

/** Returns the same object when there is nothing to undo, so callers can skip a re-render. */
export function undo(history: StrokeHistory): StrokeHistory {
  if (!canUndo(history)) return history;
  const last = history.done[history.done.length - 1];
  return { done: history.done.slice(0, -1), undone: [...history.undone, last] };
}

export function redo(history: StrokeHistory): StrokeHistory {
  if (!canRedo(history)) return history;
  const next = history.undone[history.undone.length - 1];
  return { done: [...history.done, next], undone: history.undone.slice(0, -1) };
}

/** The document to rasterise for an image of the given natural size. */
export function historyToDoc(history: StrokeHistory, size: Size): MaskDoc {
  return { width: size.width, height: size.height, strokes: history.done };
}
