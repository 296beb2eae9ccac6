"use client";
/**
 * Which gallery images are selected (for sharing): click toggles one, shift-click selects the
 * range from the last clicked one, in the order the gallery shows them. UI state, so a zustand
 * store; the images themselves stay in the query cache.
 */
import { create } from "zustand";

interface SelectionState {
  ids: readonly string[];
  anchor: string | null;
  /** `order` is the gallery's current order, for shift-click ranges. */
  click(id: string, shift: boolean, order: readonly string[]): void;
  selectAll(order: readonly string[]): void;
  clear(): void;
}

export function rangeBetween(order: readonly string[], a: string, b: string): string[] {
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  if (i < 0 || j < 0) return [b];
  return order.slice(Math.min(i, j), Math.max(i, j) + 1);
}

export const useGallerySelection = create<SelectionState>()((set) => ({
  ids: [],
  anchor: null,
  click: (id, shift, order) =>
    set((s) => {
      if (shift && s.anchor) {
        const range = rangeBetween(order, s.anchor, id);
        const merged = new Set([...s.ids, ...range]);
        // Keep the gallery's order, so a share shows the images as they were picked from the grid.
        return { ids: order.filter((x) => merged.has(x)), anchor: id };
      }
      const has = s.ids.includes(id);
      return { ids: has ? s.ids.filter((x) => x !== id) : order.filter((x) => x === id || s.ids.includes(x)), anchor: id };
    }),
  selectAll: (order) => set({ ids: [...order], anchor: null }),
  clear: () => set({ ids: [], anchor: null }),
}));
