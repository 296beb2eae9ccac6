/**
 * Shortcut strings ("Shift+Mod+Z", "[", "?") matched against keyboard events, and the rule that
 * shortcuts are ignored while typing in a text field.
 */

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface ParsedShortcut {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

export function parseShortcut(spec: string): ParsedShortcut {
  // "+" alone is a key; otherwise "+" separates modifiers from the key.
  const parts = spec === "+" ? ["+"] : spec.split("+");
  const key = parts[parts.length - 1];
  const mods = new Set(parts.slice(0, -1).map((m) => m.toLowerCase()));
  return { key: key.toLowerCase(), mod: mods.has("mod"), shift: mods.has("shift"), alt: mods.has("alt") };
}

const isLetter = (key: string) => /^[a-z]$/.test(key);

/**
 * Ctrl and Cmd both count as Mod (so Ctrl+Z works on a Mac keyboard plugged into Linux, too).
 * Shift must match for letters and named keys; for symbols it is ignored, because "?", "+" and
 * "]" need Shift on some layouts and not on others.
 */
export function matchesShortcut(e: KeyLike, spec: string): boolean {
  const s = parseShortcut(spec);
  const key = e.key.toLowerCase();
  if (key !== s.key) return false;
  if (s.mod !== (e.ctrlKey || e.metaKey)) return false;
  if (s.alt !== e.altKey) return false;
  const shiftMatters = isLetter(s.key) || s.key.length > 1;
  return !shiftMatters || s.shift === e.shiftKey;
}

/** What the help overlay shows: "Mod" becomes "Ctrl" or "⌘". */
export function displayShortcut(spec: string, mac: boolean): string {
  if (spec === "+") return "+";
  return spec
    .split("+")
    .map((p) => (p === "Mod" ? (mac ? "⌘" : "Ctrl") : p === "Shift" && mac ? "⇧" : p))
    .join(mac ? "" : "+");
}

interface TargetLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

const NON_TEXT_INPUTS = new Set(["button", "checkbox", "radio", "range", "color", "file", "submit", "reset", "image"]);

/** Keys typed into a text field (the prompt, a number box) are the user's text, not shortcuts. */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
  return false;
}
