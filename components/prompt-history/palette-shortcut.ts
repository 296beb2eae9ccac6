/**
 * The shortcut that opens the prompt palette from a prompt or negative prompt field: Ctrl/⌘+K,
 * because nothing else in the app takes it (Ctrl/⌘+Enter runs, in generation-form.tsx; the
 * gallery has Ctrl/⌘+A, Escape and Delete, lib/gallery-ui/gallery-shortcuts.ts; the mask editor's
 * keys live in its own modal). Its own file: it is all of the palette in the first load.
 */
export const PALETTE_SHORTCUT = { keys: "Control+K Meta+K", label: "Ctrl/⌘+K" } as const;

export interface KeyLike {
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
