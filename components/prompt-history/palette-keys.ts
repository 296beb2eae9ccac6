/** What a key does inside the open prompt palette (browser-safe, no React). */
import type { KeyLike } from "@/components/prompt-history/palette-shortcut";

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
