/**
 * The image fields of the form's drafts as flat entries ("INPAINTING.image" → value, another
 * model's "model/seedream-5-0-lite/images" → value), and what
 * changed between two snapshots. Pure, so the diff is unit-tested; draft-images-idb.ts does the
 * storing. Images are compared by identity: a field's value is replaced, never mutated.
 */
import { imageList, isImageValue, type Drafts, type ImageValue, type TaskDraft } from "@/lib/playground-form/draft-types";
import { TASK_TYPES, type TaskType } from "@/lib/models";

export type StoredImage = ImageValue | ImageValue[];
export type ImageEntries = ReadonlyMap<string, StoredImage>;

export const entryKey = (task: TaskType, field: string) => `${task}.${field}`;
/** Model ids may hold dots, field names never hold a slash. */
export const modelEntryKey = (modelId: string, field: string) => `model/${modelId}/${field}`;

export type EntryAt = { task: TaskType; field: string } | { modelId: string; field: string };

export function parseEntryKey(key: string): EntryAt | null {
  if (key.startsWith("model/")) {
    const slash = key.lastIndexOf("/");
    return slash > "model/".length ? { modelId: key.slice("model/".length, slash), field: key.slice(slash + 1) } : null;
  }
  const dot = key.indexOf(".");
  const task = key.slice(0, dot) as TaskType;
  return dot > 0 && TASK_TYPES.includes(task) ? { task, field: key.slice(dot + 1) } : null;
}

function addImages(out: Map<string, StoredImage>, draft: TaskDraft, keyOf: (field: string) => string) {
  for (const [field, value] of Object.entries(draft)) {
    if (isImageValue(value)) out.set(keyOf(field), value);
    else if (Array.isArray(value) && imageList(value).length > 0) out.set(keyOf(field), imageList(value));
  }
}

/** Every non-empty image field of every draft, the other models' drafts too. */
export function imageEntries(drafts: Drafts, modelDrafts: Record<string, TaskDraft> = {}): Map<string, StoredImage> {
  const out = new Map<string, StoredImage>();
  for (const task of TASK_TYPES) addImages(out, drafts[task], (field) => entryKey(task, field));
  for (const [id, draft] of Object.entries(modelDrafts)) addImages(out, draft, (field) => modelEntryKey(id, field));
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
