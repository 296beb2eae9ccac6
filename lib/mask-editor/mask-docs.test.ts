import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Stroke } from "@/lib/canvas/types";
import { imageKeyOf } from "@/lib/mask-editor/image-key";
import { MAX_DOCS, trimDocs, useMaskDocs, type MaskDocEntry } from "@/lib/mask-editor/mask-docs-store";

function doc(updatedAt: number, strokes: Stroke[] = [{ kind: "fill-all" }]): MaskDocEntry {
  return { width: 64, height: 48, done: strokes, undone: [], revision: 1, updatedAt };
}

describe("trimDocs", () => {
  it("keeps everything when there are at most MAX_DOCS documents", () => {
    expect(MAX_DOCS).toBeGreaterThan(1);
    const docs = Object.fromEntries(Array.from({ length: MAX_DOCS }, (_, i) => [`k${i}`, doc(1000 + i)]));
    const kept = trimDocs(docs);
    expect(Object.keys(kept).sort()).toEqual(Object.keys(docs).sort());
    for (const k of Object.keys(docs)) expect(kept[k]).toBe(docs[k]);
    expect(trimDocs({})).toEqual({});
  });

  it("keeps the MAX_DOCS most recently updated and drops the oldest, whatever the insertion order", () => {
    const n = MAX_DOCS + 5;
    // Insert in a scrambled order so the result cannot come from insertion order.
    const order = Array.from({ length: n }, (_, i) => (i * 7) % n);
    expect(new Set(order).size).toBe(n);
    const docs: Record<string, MaskDocEntry> = {};
    for (const i of order) docs[`img-${i}`] = doc(10_000 + i * 10);

    const kept = trimDocs(docs);
    const expectedKeys = Array.from({ length: MAX_DOCS }, (_, i) => `img-${n - 1 - i}`);
    expect(Object.keys(kept).sort()).toEqual(expectedKeys.sort());
    for (let i = 0; i < n - MAX_DOCS; i++) expect(kept).not.toHaveProperty(`img-${i}`);
  });

  it("drops older documents beyond the character budget, but always keeps the newest", () => {
    // Each of these is ~2.6 M characters of JSON; the budget is 3 M.
    const big = (t: number) =>
      doc(t, [{ kind: "polygon", mode: "add", points: Array.from({ length: 200_000 }, (_, i) => ({ x: i % 10, y: 1 })) }]);
    // Newest first: newest fits, old overflows the budget, and everything older goes with it.
    expect(Object.keys(trimDocs({ old: big(2), newest: big(3), older: doc(1) }))).toEqual(["newest"]);
    // A small document edited after the big old one still fits.
    expect(Object.keys(trimDocs({ old: big(1), newest: big(3), small: doc(2) })).sort()).toEqual(["newest", "small"]);
    expect(Object.keys(trimDocs({ only: big(1) }))).toEqual(["only"]);
  });
});

describe("useMaskDocs actions (no localStorage in node: persistence is a no-op)", () => {
  const size = { width: 64, height: 48 };
  const a: Stroke = { kind: "rect", x: 1, y: 2, w: 3, h: 4, mode: "add" };
  const b: Stroke = { kind: "invert" };
  let now = 1_000_000;

  beforeEach(() => {
    // zustand's persist warns on every set when storage is unavailable.
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(Date, "now").mockImplementation(() => (now += 1000));
    useMaskDocs.setState({ docs: {} });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("commit, undo and redo keep one history per key and bump the revision", () => {
    const s = () => useMaskDocs.getState();
    s().commit("img", size, a);
    s().commit("img", size, b);
    expect(s().docs.img).toMatchObject({ width: 64, height: 48, done: [a, b], undone: [], revision: 2 });
    const t1 = s().docs.img.updatedAt;

    s().undo("img");
    expect(s().docs.img).toMatchObject({ done: [a], undone: [b], revision: 3 });
    expect(s().docs.img.updatedAt).toBeGreaterThan(t1);
    s().redo("img");
    expect(s().docs.img).toMatchObject({ done: [a, b], undone: [], revision: 4 });

    // Nothing to redo / unknown key: the state is left as it is.
    const before = s().docs;
    s().redo("img");
    s().undo("other");
    expect(s().docs).toBe(before);

    // A commit after an undo forks the timeline.
    s().undo("img");
    s().commit("img", size, { kind: "clear" });
    expect(s().docs.img).toMatchObject({ done: [a, { kind: "clear" }], undone: [], revision: 6 });

    s().commit("other", { width: 8, height: 8 }, a);
    expect(s().docs.other).toMatchObject({ width: 8, height: 8, done: [a], revision: 1 });
    expect(s().docs.img.done).toHaveLength(2);
  });

  it("replace starts the document over as one undo step", () => {
    const s = () => useMaskDocs.getState();
    s().commit("img", size, a);
    s().replace("img", size, [b, a]);
    expect(s().docs.img).toMatchObject({ done: [b, a], undone: [], revision: 2 });
  });

  it("committing to a new image beyond MAX_DOCS drops the least recently edited one", () => {
    const s = () => useMaskDocs.getState();
    for (let i = 0; i < MAX_DOCS; i++) s().commit(`img-${i}`, size, a);
    // Touch img-0 so img-1 becomes the least recently edited.
    s().commit("img-0", size, b);
    s().commit("new", size, a);
    const keys = Object.keys(s().docs);
    expect(keys).toHaveLength(MAX_DOCS);
    expect(keys).toContain("new");
    expect(keys).toContain("img-0");
    expect(keys).not.toContain("img-1");
  });
});

describe("imageKeyOf", () => {
  const dataUrl = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA".repeat(50);

  it("is stable for the same bytes, across different objects", () => {
    const k1 = imageKeyOf({ dataUrl, width: 640, height: 480 });
    const k2 = imageKeyOf({ dataUrl: String(dataUrl), width: 640, height: 480 });
    expect(k1).toBe(k2);
    expect(k1).toMatch(/^640x480-[0-9a-z]+-[0-9a-f]{16}$/);
  });

  it("differs when a single character differs, wherever it is", () => {
    const base = imageKeyOf({ dataUrl, width: 640, height: 480 });
    const keys = new Set([base]);
    for (const i of [0, 22, Math.floor(dataUrl.length / 2), dataUrl.length - 1]) {
      const changed = dataUrl.slice(0, i) + (dataUrl[i] === "A" ? "B" : "A") + dataUrl.slice(i + 1);
      expect(changed.length).toBe(dataUrl.length);
      keys.add(imageKeyOf({ dataUrl: changed, width: 640, height: 480 }));
    }
    expect(keys.size).toBe(5);
    // Two transposed characters (same character counts) are told apart too.
    const swapped = "data:image/png;base64,BA" + dataUrl.slice("data:image/png;base64,AB".length);
    const original = "data:image/png;base64,AB" + dataUrl.slice("data:image/png;base64,AB".length);
    expect(imageKeyOf({ dataUrl: swapped, width: 1, height: 1 })).not.toBe(imageKeyOf({ dataUrl: original, width: 1, height: 1 }));
  });

  it("includes the size and the length", () => {
    const k = imageKeyOf({ dataUrl, width: 1024, height: 768 });
    expect(k.startsWith("1024x768-")).toBe(true);
    expect(k.split("-")[1]).toBe(dataUrl.length.toString(36));
    expect(imageKeyOf({ dataUrl, width: 768, height: 1024 })).not.toBe(k);
    expect(imageKeyOf({ dataUrl, width: 768, height: 1024 }).slice(-16)).toBe(k.slice(-16));
  });

  it("is cached per object (computed once, even if the object is later mutated)", () => {
    const image = { dataUrl, width: 10, height: 20 };
    const first = imageKeyOf(image);
    image.dataUrl = "data:image/png;base64,AAAA";
    image.width = 99;
    expect(imageKeyOf(image)).toBe(first);
    // A fresh object with the new content gets its own key.
    const fresh = imageKeyOf({ ...image });
    expect(fresh).not.toBe(first);
    expect(fresh.startsWith("99x20-")).toBe(true);
  });
});
