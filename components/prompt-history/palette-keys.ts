/**
 * The prompt palette's keys, as data (browser-safe, no React): the shortcut that opens it from a
 * prompt field, and what a key does inside it. Ctrl/⌘+K, because nothing else in the app takes it:
 * Ctrl/⌘+Enter runs (generation-form.tsx), the gallery has Ctrl/⌘+A, Escape and Delete
 * (lib/gallery-ui/gallery-shortcuts.ts), and the mask editor's keys live in its own modal.
 */
export const PALETTE_SHORTCUT = { keys: "Control+K Meta+K", label: "Ctrl/⌘+K" } as const;

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl+K or ⌘+K, without Shift or Alt (those are the browser's or the layout's). */
export function isPaletteShortcut(e: KeyLike): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k";
}

export type PaletteKeyAction = "next" | "previous" | "first" | "last" | "insert";

/**
 * Arrow keys move the highlight, Enter inserts it. Home and End stay the search box's (they move
 * its caret); Ctrl/⌘ with Home/End jump to the ends of the list. Escape is the dialog's own.
 */
export function paletteKeyAction(e: KeyLike): PaletteKeyAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  if (e.key === "ArrowDown" && !mod) return "next";
  if (e.key === "ArrowUp" && !mod) return "previous";
  if (e.key === "Home" && mod) return "first";
  if (e.key === "End" && mod) return "last";
  // Shift+Enter and Ctrl/⌘+Enter are not "insert": the latter runs the form elsewhere.
  if (e.key === "Enter" && !mod && !e.shiftKey) return "insert";
  return null;
}

/** The highlighted row after an action, in a list of `count` rows. */
export function moveHighlight(index: number, action: Exclude<PaletteKeyAction, "insert">, count: number): number {
  if (count === 0) return 0;
  switch (action) {
    case "next":
      return Math.min(count - 1, index + 1);
    case "previous":
      return Math.max(0, index - 1);
    case "first":
      return 0;
    case "last":
      return count - 1;
  }
}
