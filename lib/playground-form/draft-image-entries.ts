/**
 * The image fields of the form's drafts as flat entries ("INPAINTING.image" → value), and what
 * changed between two snapshots. Pure, so the diff is unit-tested; draft-images-idb.ts does the
 * storing. Images are compared by identity: a field's value is replaced, never mutated.
 */
import { imageList, isImageValue, type Drafts, type ImageValue } from "@/lib/playground-form/draft-types";
import { TASK_TYPES, type TaskType } from "@/lib/models";

export type StoredImage = ImageValue | ImageValue[];
export type ImageEntries = ReadonlyMap<string, StoredImage>;

export const entryKey = (task: TaskType, field: string) => `${task}.${field}`;

export function parseEntryKey(key: string): { task: TaskType; field: string } | null {
  const dot = key.indexOf(".");
  const task = key.slice(0, dot) as TaskType;
  return dot > 0 && TASK_TYPES.includes(task) ? { task, field: key.slice(dot + 1) } : null;
}

/** Every non-empty image field of every draft. */
export function imageEntries(drafts: Drafts): Map<string, StoredImage> {
  const out = new Map<string, StoredImage>();
  for (const task of TASK_TYPES) {
    for (const [field, value] of Object.entries(drafts[task])) {
      if (isImageValue(value)) out.set(entryKey(task, field), value);
      else if (Array.isArray(value) && imageList(value).length > 0) out.set(entryKey(task, field), imageList(value));
    }
  }
  return out;
}

const sameValue = (a: StoredImage | undefined, b: StoredImage) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/** The writes that turn `prev` into `next`: entries to put and keys to delete. */
export function diffEntries(prev: ImageEntries, next: ImageEntries): { put: [string, StoredImage][]; del: string[] } {
  const put = [...next].filter(([k, v]) => !sameValue(prev.get(k), v));
  const del = [...prev.keys()].filter((k) => !next.has(k));
  return { put, del };
}

/** A stored value that is still an image (or a list of them); anything else is dropped. */
export function validStored(value: unknown): StoredImage | null {
  if (isImageValue(value)) return value;
  const list = imageList(value);
  return list.length > 0 ? list : null;
}
