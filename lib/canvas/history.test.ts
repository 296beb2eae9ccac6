import { describe, expect, it } from "vitest";
import { canRedo, canUndo, commitStroke, createHistory, EMPTY_HISTORY, historyToDoc, redo, undo } from "@/lib/canvas/history";
import type { Stroke } from "@/lib/canvas/types";

const a: Stroke = { kind: "fill-all" };
const b: Stroke = { kind: "invert" };
const c: Stroke = { kind: "grow", n: 2 };

describe("stroke history", () => {
  it("undoes and redoes one entry per stroke, in order", () => {
    let h = commitStroke(commitStroke(EMPTY_HISTORY, a), b);
    h = undo(h);
    expect(h.done).toEqual([a]);
    expect(canRedo(h)).toBe(true);
    h = undo(h);
    expect(h.done).toEqual([]);
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.done).toEqual([a]);
    h = redo(h);
    expect(h.done).toEqual([a, b]);
    expect(canRedo(h)).toBe(false);
  });

  it("clears redo on a new commit", () => {
    const h = commitStroke(undo(commitStroke(commitStroke(EMPTY_HISTORY, a), b)), c);
    expect(h.done).toEqual([a, c]);
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
  });

  it("returns the same object when there is nothing to do, and never mutates", () => {
    expect(undo(EMPTY_HISTORY)).toBe(EMPTY_HISTORY);
    const h = createHistory([a, b]);
    const snapshot = JSON.stringify(h);
    undo(h);
    commitStroke(h, c);
    expect(JSON.stringify(h)).toBe(snapshot);
  });

  it("builds the document from the committed strokes only", () => {
    const doc = historyToDoc(undo(createHistory([a, b])), { width: 320, height: 1280 });
    expect(doc).toEqual({ width: 320, height: 1280, strokes: [a] });
  });
});
