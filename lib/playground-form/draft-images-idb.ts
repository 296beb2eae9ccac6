"use client";
/**
 * The form's images survive a reload: each image field of each draft is kept in IndexedDB
 * (localStorage holds about 5 MB; one photo as a data URL can be more). Restored once, into
 * fields that are still empty (an image added meanwhile wins), then every change is written
 * shortly after it happens: a new image is put, a removed one deleted. Storage failures (private
 * mode, quota) are ignored: the images stay in memory as before.
 */
import { createStore, delMany, entries, setMany, type UseStore } from "idb-keyval";
import { diffEntries, imageEntries, parseEntryKey, validStored, type ImageEntries } from "@/lib/playground-form/draft-image-entries";
import { useFormStore } from "@/lib/playground-form/form-store";
import { usesField } from "@/lib/playground-form/task-drafts";

const WRITE_DELAY_MS = 300;

let store: UseStore | null = null;
const idb = () => (store ??= createStore("nova-canvas", "draft-images"));

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** Puts the saved images into the drafts' empty image fields. */
export async function restoreDraftImages(): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  const saved = await entries<string, unknown>(idb()).catch(() => []);
  for (const [key, raw] of saved) {
    const at = parseEntryKey(String(key));
    const value = validStored(raw);
    if (!at || !value) continue;
    const form = useFormStore.getState();
    if ("modelId" in at) {
      // Another model's fields are known once GET /api/models answers; its form shows only those.
      if (isEmpty(form.modelDrafts[at.modelId]?.[at.field])) form.setModelField(at.modelId, at.field, value);
    } else if (usesField(at.task, at.field) && isEmpty(form.drafts[at.task][at.field])) {
      form.setTaskField(at.task, at.field, value);
    }
  }
}

/** From now on, writes the drafts' images as they change. Call once, after restoring. */
export function persistDraftImages(): () => void {
  if (typeof indexedDB === "undefined") return () => {};
  const snapshot = () => {
    const s = useFormStore.getState();
    return imageEntries(s.drafts, s.modelDrafts);
  };
  let saved: ImageEntries = snapshot();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const next = snapshot();
    const { put, del } = diffEntries(saved, next);
    saved = next;
    if (put.length) void setMany(put, idb()).catch(() => undefined);
    if (del.length) void delMany(del, idb()).catch(() => undefined);
  };
  const unsubscribe = useFormStore.subscribe((s, prev) => {
    if ((s.drafts !== prev.drafts || s.modelDrafts !== prev.modelDrafts) && timer === null) timer = setTimeout(flush, WRITE_DELAY_MS);
  });
  // A reload within the delay would lose the last change: write it as the page goes away.
  const onHide = () => timer !== null && (clearTimeout(timer), flush());
  window.addEventListener("pagehide", onHide);
  return () => {
    unsubscribe();
    window.removeEventListener("pagehide", onHide);
  };
}
