import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { debouncedJsonStorage } from "@/lib/mask-editor/debounced-storage";

const backing = () => {
  const map = new Map<string, string>();
  const writes: string[] = [];
  return {
    map,
    writes,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      writes.push(k);
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
  };
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it("writes the latest value once, after the changes stop", () => {
  const b = backing();
  const storage = debouncedJsonStorage<{ n: number }>(() => b, 500)!;
  for (let n = 1; n <= 5; n++) {
    storage.setItem("k", { state: { n }, version: 1 });
    vi.advanceTimersByTime(100);
  }
  expect(b.writes, "nothing while changes keep coming").toEqual([]);
  // Reads see the pending value (zustand reads back on rehydrate).
  expect(storage.getItem("k")).toEqual({ state: { n: 5 }, version: 1 });
  vi.advanceTimersByTime(500);
  expect(b.writes).toEqual(["k"]);
  expect(JSON.parse(b.map.get("k")!)).toEqual({ state: { n: 5 }, version: 1 });
});

it("prepares the value just before writing it; removeItem drops a pending write", () => {
  const b = backing();
  const storage = debouncedJsonStorage<{ list: number[] }>(() => b, 200, (v) => ({ ...v, state: { list: v.state.list.slice(-2) } }))!;
  storage.setItem("k", { state: { list: [1, 2, 3] }, version: 0 });
  vi.advanceTimersByTime(200);
  expect(JSON.parse(b.map.get("k")!).state.list).toEqual([2, 3]);
  storage.setItem("k", { state: { list: [9] }, version: 0 });
  storage.removeItem("k");
  vi.advanceTimersByTime(200);
  expect(b.map.has("k")).toBe(false);
});

it("a storage that cannot be reached means no persistence, and a full one keeps the state in memory", () => {
  expect(
    debouncedJsonStorage(() => {
      throw new Error("SecurityError");
    }, 100),
  ).toBeUndefined();
  const storage = debouncedJsonStorage<{ n: number }>(
    () => ({ getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => {} }),
    100,
  )!;
  storage.setItem("k", { state: { n: 1 }, version: 0 });
  expect(() => vi.advanceTimersByTime(100)).not.toThrow();
});
