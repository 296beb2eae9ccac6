"use client";

import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import type { FieldMessage } from "@/lib/client/api";
import { randomSeed } from "@/lib/client/random-seed";
import { DEFAULTS, type AspectRatio, type Quality, type SizeScale, type Style } from "@/lib/models";

/** The TEXT_IMAGE form as the user edits it (empty strings mean "not set"). */
export interface TextImageDraft {
  prompt: string;
  negative_prompt: string;
  style: Style | "";
  aspect_ratio: AspectRatio;
  size_scale: SizeScale;
  quality: Quality;
  /** Number fields are null while their box is empty. */
  number_of_images: number | null;
  cfg_scale: number | null;
  seed: number | null;
}

export type DraftField = keyof TextImageDraft;

export const DEFAULT_DRAFT: TextImageDraft = {
  prompt: "",
  negative_prompt: "",
  style: "",
  aspect_ratio: DEFAULTS.aspect_ratio,
  size_scale: DEFAULTS.size_scale,
  quality: DEFAULTS.quality,
  number_of_images: DEFAULTS.number_of_images,
  cfg_scale: DEFAULTS.cfg_scale,
  seed: null,
};

interface FormState {
  draft: TextImageDraft;
  /** Locked: the shown seed is reused on each run. Unlocked: each run rolls a fresh one. */
  seedLocked: boolean;
  touched: Partial<Record<DraftField, true>>;
  runAttempted: boolean;
  /** Field errors of the last 422 from the API, until the field is edited. */
  serverErrors: FieldMessage[];
  setField: <K extends DraftField>(field: K, value: TextImageDraft[K]) => void;
  touch: (field: DraftField) => void;
  setSeedLocked: (locked: boolean) => void;
  /** Puts a new random seed in the form and returns it. */
  rollSeed: () => number;
  markRunAttempted: () => void;
  setServerErrors: (errors: FieldMessage[]) => void;
  resetDraft: () => void;
}

export const useFormStore = create<FormState>()(
  persist(
    (set) => ({
      draft: DEFAULT_DRAFT,
      seedLocked: false,
      touched: {},
      runAttempted: false,
      serverErrors: [],
      setField: (field, value) =>
        set((s) => ({
          draft: { ...s.draft, [field]: value },
          serverErrors: s.serverErrors.filter((e) => e.field !== field),
        })),
      touch: (field) => set((s) => (s.touched[field] ? s : { touched: { ...s.touched, [field]: true } })),
      setSeedLocked: (seedLocked) => set({ seedLocked }),
      rollSeed: () => {
        const seed = randomSeed();
        set((s) => ({ draft: { ...s.draft, seed }, serverErrors: s.serverErrors.filter((e) => e.field !== "seed") }));
        return seed;
      },
      markRunAttempted: () => set({ runAttempted: true }),
      setServerErrors: (serverErrors) => set({ serverErrors }),
      resetDraft: () => set({ draft: DEFAULT_DRAFT, touched: {}, runAttempted: false, serverErrors: [] }),
    }),
    {
      name: "nova-canvas.text-image-draft",
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // Only the draft and the lock survive a reload; touched/errors are per visit.
      partialize: (s) => ({ draft: s.draft, seedLocked: s.seedLocked }),
      // A stored draft from an older shape keeps the fields it has and takes defaults for the rest.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Pick<FormState, "draft" | "seedLocked">>;
        return {
          ...current,
          draft: { ...current.draft, ...(p.draft ?? {}) },
          seedLocked: typeof p.seedLocked === "boolean" ? p.seedLocked : current.seedLocked,
        };
      },
      // Hydrated in an effect after mount (see usePersistedDraft), so the server render and the
      // first client render agree.
      skipHydration: true,
    },
  ),
);

/** The flat snake_case body POST /api/jobs takes; empty optional fields are left out. */
export function draftToRequest(draft: TextImageDraft): Record<string, unknown> & { task_type: "TEXT_IMAGE" } {
  return {
    task_type: "TEXT_IMAGE",
    prompt: draft.prompt,
    ...(draft.negative_prompt.trim() !== "" ? { negative_prompt: draft.negative_prompt } : {}),
    ...(draft.style ? { style: draft.style } : {}),
    aspect_ratio: draft.aspect_ratio,
    size_scale: draft.size_scale,
    quality: draft.quality,
    ...(draft.number_of_images !== null ? { number_of_images: draft.number_of_images } : {}),
    ...(draft.cfg_scale !== null ? { cfg_scale: draft.cfg_scale } : {}),
    ...(draft.seed !== null ? { seed: draft.seed } : {}),
  };
}
