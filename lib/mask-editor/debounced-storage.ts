/**
 * A zustand persist storage that writes to localStorage once things have been quiet for
 * `delayMs`, not on every change: serialising a large state (every mask document with its undo
 * history) on each stroke cost a visible main-thread task. The latest value is written; a page
 * being hidden or unloaded writes at once, so a reload never loses the last change.
 */
import type { PersistStorage, StorageValue } from "zustand/middleware";

export function debouncedJsonStorage<S>(
  getStorage: () => Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined,
  delayMs: number,
  /** Runs on the value just before it is written (e.g. trimming to a size budget). */
  prepare: (value: StorageValue<S>) => StorageValue<S> = (v) => v,
): PersistStorage<S> | undefined {
  let storage: ReturnType<typeof getStorage>;
  try {
    storage = getStorage();
  } catch {
    return undefined;
  }
  if (!storage) return undefined;
  const target = storage;
  const pending = new Map<string, StorageValue<S>>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    for (const [name, value] of pending) {
      try {
        target.setItem(name, JSON.stringify(prepare(value)));
      } catch {
        // Quota or private mode: the state stays in memory, as without persistence.
      }
    }
    pending.clear();
  };
  if (typeof window !== "undefined") {
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());
  }

  return {
    getItem: (name) => {
      const waiting = pending.get(name);
      if (waiting) return waiting;
      const raw = target.getItem(name);
      return raw === null ? null : (JSON.parse(raw) as StorageValue<S>);
    },
    setItem: (name, value) => {
      pending.set(name, value);
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    removeItem: (name) => {
      pending.delete(name);
      target.removeItem(name);
    },
  };
}
