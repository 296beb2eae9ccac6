import { describe, expect, it } from "vitest";
import { formatLastUsed, formatUses } from "@/components/prompt-history/last-used";
import { moveHighlight, paletteKeyAction } from "@/components/prompt-history/palette-keys";
import { isPaletteShortcut } from "@/components/prompt-history/palette-shortcut";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("palette keys", () => {
  it("opens with Ctrl+K or ⌘+K only", () => {
    expect(isPaletteShortcut(key("k", { ctrlKey: true }))).toBe(true);
    expect(isPaletteShortcut(key("K", { metaKey: true }))).toBe(true);
    expect(isPaletteShortcut(key("k"))).toBe(false);
    expect(isPaletteShortcut(key("k", { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isPaletteShortcut(key("k", { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isPaletteShortcut(key("Enter", { ctrlKey: true }))).toBe(false);
  });

  it("arrows move, Enter inserts, Ctrl/⌘+Enter and Shift+Enter do not, Ctrl+Home/End jump", () => {
    expect(paletteKeyAction(key("ArrowDown"))).toBe("next");
    expect(paletteKeyAction(key("ArrowUp"))).toBe("previous");
    expect(paletteKeyAction(key("Enter"))).toBe("insert");
    expect(paletteKeyAction(key("Enter", { ctrlKey: true }))).toBeNull();
    expect(paletteKeyAction(key("Enter", { shiftKey: true }))).toBeNull();
    expect(paletteKeyAction(key("Home"))).toBeNull();
    expect(paletteKeyAction(key("Home", { ctrlKey: true }))).toBe("first");
    expect(paletteKeyAction(key("End", { metaKey: true }))).toBe("last");
    expect(paletteKeyAction(key("a"))).toBeNull();
  });

  it("the highlight stays within the list", () => {
    expect(moveHighlight(0, "previous", 3)).toBe(0);
    expect(moveHighlight(2, "next", 3)).toBe(2);
    expect(moveHighlight(1, "next", 3)).toBe(2);
    expect(moveHighlight(1, "last", 3)).toBe(2);
    expect(moveHighlight(2, "first", 3)).toBe(0);
    expect(moveHighlight(5, "next", 0)).toBe(0);
  });
});

describe("last used", () => {
  const now = new Date(2026, 4, 20, 0, 10).getTime();
  it("counts calendar days in the browser's zone", () => {
    expect(formatLastUsed(new Date(2026, 4, 20, 0, 1).toISOString(), now)).toBe("today");
    expect(formatLastUsed(new Date(2026, 4, 19, 23, 50).toISOString(), now)).toBe("yesterday");
    expect(formatLastUsed(new Date(2026, 4, 17, 12).toISOString(), now)).toBe("3 days ago");
    expect(formatLastUsed(new Date(2026, 3, 1).toISOString(), now)).toMatch(/2026/);
    expect(formatLastUsed("garbage", now)).toBe("");
  });

  it("says how often", () => {
    expect(formatUses(1)).toBe("used once");
    expect(formatUses(1234)).toBe("used 1,234 times");
  });
});
