import { beforeEach, expect, it } from "vitest";
import { emptyTables } from "@/lib/testing/db-fixtures";
import { forPglite } from "@/lib/testing/test-databases";
import { DEFAULT_BLOCK_MS, RequestBudget, WINDOW_MS } from "./request-budget";

/**
 * RequestBudget over a real database (PGlite; the table work runs on both databases in
 * lib/db/rate-queries.test.ts). A fake clock drives time; `sleep` advances it, so `acquire`
 * waits without waiting.
 */
const T0 = new Date("2026-07-01T10:00:00Z").getTime();

forPglite("RequestBudget", (t) => {
  let clock = T0;
  const slept: number[] = [];
  const events: [string, string, Record<string, unknown> | undefined][] = [];

  beforeEach(async () => {
    await emptyTables(t.db, ["upstream_request_counts", "upstream_blocks", "jobs"]);
    clock = T0;
    slept.length = 0;
    events.length = 0;
  });

  function budget(perMinute: number): RequestBudget {
    return new RequestBudget(t.db, {
      perMinute,
      now: () => new Date(clock),
      sleep: async (ms) => {
        slept.push(ms);
        clock += ms;
      },
      log: (level, event, fields) => events.push([level, event, fields]),
    });
  }

  it("counts a request from its answer when the answer came later than 250 ms after the take", async () => {
    const b = budget(2);
    const quick = await b.take("poll", 1);
    clock += 200;
    await b.answered("poll", 1, quick, new Date(clock));
    const slow = await b.take("poll", 1);
    clock += 1_800;
    await b.answered("poll", 1, slow, new Date(clock));
    // The quick one still counts from 10:00:00 and leaves at 61 s; the slow one counts from its
    // answer (2 s) and leaves at 63 s.
    clock = T0 + 61_000;
    expect(await b.status()).toMatchObject({ usedLastMinute: 1 });
    clock = T0 + 63_000;
    expect(await b.status()).toMatchObject({ usedLastMinute: 0 });
  });

  it("counts requests in a window of 61 s: perMinute fit, the next when the oldest is 61 s old", async () => {
    expect(WINDOW_MS).toBe(61_000);
    const b = budget(3);
    expect(await b.take("poll", 2)).toEqual({ granted: 2, at: new Date(T0), retryAt: null, left: 1 });
    clock += 30_000;
    expect(await b.take("catalog", 5)).toEqual({ granted: 1, at: new Date(T0 + 30_000), retryAt: new Date(T0 + 61_000), left: 0 });
    // Full: the next request fits when the oldest (T0) leaves the window.
    expect(await b.status()).toEqual({ perMinute: 3, usedLastMinute: 3, left: 0, blockedUntil: null, nextFreeAt: new Date(T0 + 61_000) });
    clock = T0 + 61_000;
    expect(await b.status()).toEqual({ perMinute: 3, usedLastMinute: 1, left: 2, blockedUntil: null, nextFreeAt: new Date(clock) });
    expect(await b.take("poll", 0)).toEqual({ granted: 0, at: new Date(clock), retryAt: null, left: 2 });
  });

  it("gives back what it took and did not use", async () => {
    const b = budget(5);
    const taken = await b.take("submit", 2);
    expect(taken.granted).toBe(2);
    clock += 1000;
    await b.take("poll", 1);
    await b.giveBack("submit", 1, taken);
    expect(await b.status()).toMatchObject({ usedLastMinute: 2, left: 3 });
  });

  it("acquire waits until a request fits, in steps of at most 5 s, then takes it", async () => {
    const b = budget(2);
    await b.acquire("catalog");
    clock += 10_000;
    await b.acquire("sync");
    expect(slept).toEqual([]);
    // Full until the first leaves at T0 + 61 s: 51 s from now, slept in 5 s steps.
    await b.acquire("catalog");
    expect(clock).toBeGreaterThanOrEqual(T0 + 61_000);
    expect(slept.every((ms) => ms >= 50 && ms <= 5000)).toBe(true);
    expect(slept.reduce((a, ms) => a + ms, 0)).toBe(clock - T0 - 10_000);
    expect(await b.status()).toMatchObject({ usedLastMinute: 2, left: 0 });
  });

  it("a 429 blocks every kind until Retry-After; none given blocks for the default", async () => {
    const b = budget(10);
    await b.rateLimited(3000);
    expect(events).toEqual([["warn", "budget.rate_limited", { retryAfterMs: 3000 }]]);
    expect(await b.status()).toEqual({ perMinute: 10, usedLastMinute: 0, left: 0, blockedUntil: new Date(T0 + 3000), nextFreeAt: new Date(T0 + 3000) });
    expect(await b.take("poll", 1)).toEqual({ granted: 0, at: new Date(T0), retryAt: new Date(T0 + 3000), left: 0 });
    await b.acquire("submit");
    expect(clock).toBe(T0 + 3000);
    expect(await b.status()).toEqual({ perMinute: 10, usedLastMinute: 1, left: 9, blockedUntil: null, nextFreeAt: new Date(T0 + 3000) });

    await b.rateLimited(undefined);
    expect(DEFAULT_BLOCK_MS).toBe(10_000);
    expect((await b.status()).blockedUntil).toEqual(new Date(T0 + 3000 + DEFAULT_BLOCK_MS));
    // A shorter block reported later does not cut the longer one short.
    await b.rateLimited(1000);
    expect((await b.status()).blockedUntil).toEqual(new Date(T0 + 3000 + DEFAULT_BLOCK_MS));
  });

  it("two budgets on one database (two instances) share one count", async () => {
    const a = budget(4);
    const b = budget(4);
    expect((await a.take("poll", 3)).granted).toBe(3);
    expect((await b.take("poll", 3)).granted).toBe(1);
    await b.rateLimited(5000);
    expect((await a.status()).blockedUntil).toEqual(new Date(T0 + 5000));
  });
});
