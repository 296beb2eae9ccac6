"use client";
/**
 * How the playground's form is laid out for this person, apart from what it holds: whether the
 * "More" fields (the rarely changed ones, form-layout.ts's "advanced" section) are unfolded.
 * Kept in localStorage like the draft, read after mount (the server renders it folded).
 */
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

interface FormUiState {
  moreOpen: boolean;
  setMoreOpen: (open: boolean) => void;
}

export const useFormUi = create<FormUiState>()(
  persist(
    (set) => ({
      moreOpen: false,
      setMoreOpen: (moreOpen) => set({ moreOpen }),
    }),
    {
      name: "nova-canvas.form-ui",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ moreOpen: s.moreOpen }),
      skipHydration: true,
    },
  ),
);
