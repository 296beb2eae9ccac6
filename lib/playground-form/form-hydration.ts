"use client";
/**
 * Loading the saved form, once per page: the scalars from localStorage (zustand persist), then
 * the images from IndexedDB, and from then on the images are saved as they change. Everything
 * that writes into the form from outside (use as, reuse parameters) awaits this first, so what
 * it puts in is never overwritten by a late restore.
 */
import { create } from "zustand";
import { useFormStore } from "@/lib/playground-form/form-store";
import { persistDraftImages, restoreDraftImages } from "@/lib/playground-form/draft-images-idb";

let hydrating: Promise<void> | null = null;

/** Whether the saved form (images included) is in the store: the form is disabled until then. */
export const useFormHydrated = create<{ done: boolean }>()(() => ({ done: false }));

export function ensureHydrated(): Promise<void> {
  hydrating ??= (async () => {
    if (!useFormStore.persist.hasHydrated()) await useFormStore.persist.rehydrate();
    await restoreDraftImages().catch(() => undefined);
    persistDraftImages();
    useFormHydrated.setState({ done: true });
  })();
  return hydrating;
}
