"use client";
/**
 * What a prompt field carries of the history in the first load: the History button and a lazy
 * handle on the palette, whose code loads when it first opens (or when the button is hovered or
 * focused, so it is usually there by the click).
 */
import { PALETTE_SHORTCUT } from "@/components/prompt-history/palette-shortcut";
import { lazyClient } from "@/components/ui/lazy-client";
import type { PromptPaletteProps } from "@/components/prompt-history/prompt-palette";

const loadPalette = () => import("@/components/prompt-history/prompt-palette").then((m) => m.PromptPalette);

export const LazyPromptPalette = lazyClient<PromptPaletteProps>(loadPalette);

/** Which history a field searches: its prompt or negative prompt; null for other text fields. */
export function historyKindOf(fieldName: string): "prompt" | "negative" | null {
  if (fieldName === "prompt") return "prompt";
  if (fieldName === "negative_prompt") return "negative";
  return null;
}

export function HistoryButton({ fieldLabel, onOpen }: { fieldLabel: string; onOpen: () => void }) {
  const preload = () => void loadPalette();
  return (
    <button
      type="button"
      onClick={onOpen}
      onPointerEnter={preload}
      onFocus={preload}
      aria-label={`${fieldLabel} history`}
      aria-keyshortcuts={PALETTE_SHORTCUT.keys}
      title={`Search the ${fieldLabel.toLowerCase()} history (${PALETTE_SHORTCUT.label} in the field)`}
      className="rounded px-1.5 text-xs font-medium text-blue-700 hover:bg-blue-50 hover:underline"
    >
      History
    </button>
  );
}
