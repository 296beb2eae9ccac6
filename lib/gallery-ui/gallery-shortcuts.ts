/**
 * The gallery grid's keyboard shortcuts, as data (the selection bar shows them in its buttons'
 * titles and aria-keyshortcuts; one place decides what a key does). Ignored while typing in a
 * field and while a dialog (large view, compare, share) is open: those have their own keys.
 */
import { isTypingTarget } from "@/lib/canvas/commands/keys";

export type GalleryKeyAction = "select-all" | "clear" | "delete";

export const GALLERY_SHORTCUTS: Record<GalleryKeyAction, { keys: string; label: string }> = {
  "select-all": { keys: "Control+A Meta+A", label: "Ctrl/⌘+A" },
  clear: { keys: "Escape", label: "Esc" },
  delete: { keys: "Delete Backspace", label: "Delete" },
};

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

export function galleryKeyAction(e: KeyLike, dialogOpen: boolean): GalleryKeyAction | null {
  if (dialogOpen || e.altKey || isTypingTarget(e.target as HTMLElement | null)) return null;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key.toLowerCase() === "a") return "select-all";
  if (mod) return null;
  if (e.key === "Escape") return "clear";
  if (e.key === "Delete" || e.key === "Backspace") return "delete";
  return null;
}
