import { describe, expect, it, vi } from "vitest";
import { CatalogCache, type CatalogSource } from "./catalog-cache";

function fakeSource(ids: string[]): CatalogSource<string> & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async listIds() {
      calls.push("list");
      return ids;
    },
    async detail(id) {
      calls.push(id);
      return id === "bad" ? null : `detail:${id}`;
    },
  };
}

describe("CatalogCache", () => {
  it("reads the list and each detail once, and skips what cannot be understood", async () => {
    const source = fakeSource(["a", "bad", "b"]);
    const cache = new CatalogCache({ source, now: () => 0 });
    expect(await cache.models()).toEqual(["detail:a", "detail:b"]);
    expect(await cache.models()).toEqual(["detail:a", "detail:b"]);
    expect(source.calls).toEqual(["list", "a", "bad", "b"]);
  });

  it("shares one refresh between concurrent callers", async () => {
    const source = fakeSource(["a"]);
    const cache = new CatalogCache({ source, now: () => 0 });
    await Promise.all([cache.models(), cache.models(), cache.models()]);
    expect(source.calls).toEqual(["list", "a"]);
  });

  it("reads again after an hour, not before", async () => {
    let t = 0;
    const source = fakeSource(["a"]);
    const cache = new CatalogCache({ source, now: () => t });
    await cache.models();
    t = 59 * 60_000;
    await cache.models();
    expect(source.calls).toHaveLength(2);
    t = 60 * 60_000;
    await cache.models();
    await cache.settled();
    expect(source.calls).toHaveLength(4);
  });

  it("serves the stale catalog at once while the hourly refresh runs behind it", async () => {
    let t = 0;
    let ids = ["a"];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const source: CatalogSource<string> = {
      listIds: async () => {
        if (t > 0) await gate;
        return ids;
      },
      detail: async (id) => id,
    };
    const cache = new CatalogCache({ source, now: () => t });
    expect(await cache.models()).toEqual(["a"]);
    t = 61 * 60_000;
    ids = ["a", "b"];
    expect(await cache.models()).toEqual(["a"]);
    release();
    await cache.settled();
    expect(await cache.models()).toEqual(["a", "b"]);
  });

  it("keeps the last good catalog when a refresh fails, and waits before trying again", async () => {
    let t = 0;
    let down = false;
    const onError = vi.fn();
    const source: CatalogSource<string> = {
      listIds: async () => {
        if (down) throw new Error("gateway down");
        return ["a"];
      },
      detail: async (id) => id,
    };
    const list = vi.spyOn(source, "listIds");
    const cache = new CatalogCache({ source, now: () => t, onError });
    expect(await cache.models()).toEqual(["a"]);
    down = true;
    t = 61 * 60_000;
    expect(await cache.models()).toEqual(["a"]);
    await cache.settled();
    expect(onError).toHaveBeenCalledTimes(1);
    t += 60_000;
    await cache.models();
    expect(list).toHaveBeenCalledTimes(2);
    t += 5 * 60_000;
    down = false;
    expect(await cache.models()).toEqual(["a"]);
    await cache.settled();
    expect(list).toHaveBeenCalledTimes(3);
  });

  it("never throws: an unreadable catalog is empty", async () => {
    const source: CatalogSource<string> = {
      listIds: async () => ["a"],
      detail: async () => {
        throw new Error("boom");
      },
    };
    const cache = new CatalogCache({ source, now: () => 0, onError: () => {} });
    expect(await cache.models()).toEqual([]);
  });

  it("reads at most maxModels details", async () => {
    const source = fakeSource(["a", "b", "c"]);
    const cache = new CatalogCache({ source, now: () => 0, maxModels: 2 });
    expect(await cache.models()).toEqual(["detail:a", "detail:b"]);
  });

  it("asks again at once after invalidate", async () => {
    const source = fakeSource(["a"]);
    const cache = new CatalogCache({ source, now: () => 0 });
    await cache.models();
    cache.invalidate();
    await cache.models();
    await cache.settled();
    expect(source.calls).toEqual(["list", "a", "list", "a"]);
  });
});
