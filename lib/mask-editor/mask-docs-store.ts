"use client";
/**
 * The painted masks, one document per source image (keyed by `imageKeyOf`), each with its undo
 * history. Kept in localStorage so a mask survives switching task types and reloading the page;
 * only an explicit Clear (an undoable stroke) or a newer image pushing it out of the last
 * `MAX_DOCS` removes it.
 */
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { debouncedJsonStorage } from "@/lib/mask-editor/debounced-storage";
import { commitStroke, createHistory, redo, undo, type StrokeHistory } from "@/lib/canvas/history";
import type { Size, Stroke } from "@/lib/canvas/types";

export interface MaskDocEntry extends StrokeHistory {
  width: number;
  height: number;
  /** Bumped on every change, so the form knows when to export the mask again. */
  revision: number;
  updatedAt: number;
}

interface MaskDocsState {
  docs: Record<string, MaskDocEntry>;
  commit(key: string, size: Size, stroke: Stroke): void;
  undo(key: string): void;
  redo(key: string): void;
  /** Starts the document over from these strokes (the outpainting frame); one undo step. */
  replace(key: string, size: Size, strokes: readonly Stroke[]): void;
}

/** How many images keep their masks; the least recently edited go first. */
export const MAX_DOCS = 12;
/** Stay well inside localStorage's ~5 MB: drop the oldest documents beyond this many characters. */
const MAX_STORED_CHARS = 3_000_000;

function entry(size: Size, history: StrokeHistory, previous?: MaskDocEntry): MaskDocEntry {
  return {
    width: size.width,
    height: size.height,
    done: history.done,
    undone: history.undone,
    revision: (previous?.revision ?? 0) + 1,
    updatedAt: Date.now(),
  };
}

function update(docs: Record<string, MaskDocEntry>, key: string, next: MaskDocEntry | undefined) {
  if (!next || next === docs[key]) return docs;
  return { ...docs, [key]: next };
}

/** The newest MAX_DOCS documents (cheap: what each commit keeps in memory). */
function newestDocs(docs: Record<string, MaskDocEntry>): Record<string, MaskDocEntry> {
  const keys = Object.keys(docs);
  if (keys.length <= MAX_DOCS) return docs;
  return Object.fromEntries(Object.entries(docs).sort(([, a], [, b]) => b.updatedAt - a.updatedAt).slice(0, MAX_DOCS));
}

/** The documents worth storing: the newest MAX_DOCS that fit the character budget. */
export function trimDocs(docs: Record<string, MaskDocEntry>): Record<string, MaskDocEntry> {
  const newestFirst = Object.entries(docs).sort(([, a], [, b]) => b.updatedAt - a.updatedAt);
  const kept: [string, MaskDocEntry][] = [];
  let chars = 0;
  for (const [key, doc] of newestFirst.slice(0, MAX_DOCS)) {
    chars += JSON.stringify(doc).length;
    if (chars > MAX_STORED_CHARS && kept.length > 0) break;
    kept.push([key, doc]);
  }
  return Object.fromEntries(kept);
}

export const useMaskDocs = create<MaskDocsState>()(
  persist(
    (set) => ({
      docs: {},
      commit: (key, size, stroke) =>
        set((s) => {
          const prev = s.docs[key];
          return { docs: newestDocs(update(s.docs, key, entry(size, commitStroke(prev ?? createHistory(), stroke), prev))) };
        }),
      undo: (key) =>
        set((s) => {
          const prev = s.docs[key];
          if (!prev || prev.done.length === 0) return s;
          return { docs: update(s.docs, key, entry(prev, undo(prev), prev)) };
        }),
      redo: (key) =>
        set((s) => {
          const prev = s.docs[key];
          if (!prev || prev.undone.length === 0) return s;
          return { docs: update(s.docs, key, entry(prev, redo(prev), prev)) };
        }),
      replace: (key, size, strokes) =>
        set((s) => {
          const prev = s.docs[key];
          return { docs: newestDocs(update(s.docs, key, entry(size, createHistory(strokes), prev))) };
        }),
    }),
    {
      name: "nova-canvas.masks",
      version: 1,
      // Written 400 ms after the last change, trimmed to the budget then (measuring the budget
      // means serialising every document: too slow to do on each stroke).
      storage: debouncedJsonStorage<{ docs: Record<string, MaskDocEntry> }>(() => localStorage, 400, (v) => ({ ...v, state: { docs: trimDocs(v.state.docs) } })),
      partialize: (s) => ({ docs: s.docs }),
      skipHydration: true,
    },
  ),
);

/** Loads saved masks once (after mount, so the server render and the first client render agree). */
export async function ensureMasksHydrated(): Promise<void> {
  if (!useMaskDocs.persist.hasHydrated()) await useMaskDocs.persist.rehydrate();
}
