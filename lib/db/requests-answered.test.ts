import { expect, it } from "vitest";
import { markRequestsAnswered, takeRequests } from "@/lib/db/rate-queries";
import { forEachDialect } from "@/lib/testing/test-databases";

/**
 * The request budget counts a submit from when its answer came (markRequestsAnswered), not from
 * when it was taken: the gateway's window starts when the request arrives, and a busy process can
 * spend more than the window's spare second between the two (bench/budget-queue.ts saw a 429 at
 * the turn of the first minute in 3 of 4 runs before this). Clocks are the caller's, as
 * everywhere in the budget.
 */
const WINDOW_MS = 61_000;
const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const at = (ms: number) => new Date(t0 + ms);

forEachDialect("markRequestsAnswered", (t) => {
  it("a request answered after its take leaves the window that much later", async () => {
    const own = await t.create();
    try {
      const take = (ms: number, want: number) => takeRequests(own.db, { kind: "poll", want, limit: 5, windowMs: WINDOW_MS, now: at(ms) });
      const first = await take(0, 3);
      expect(first.granted).toBe(3);
      await markRequestsAnswered(own.db, "poll", 3, first.at, at(2_000));

      // Counted from their take they would be gone 61 s after it; answered 2 s later, they still count.
      expect((await take(61_500, 5)).granted).toBe(2);
      expect((await take(63_100, 5)).granted).toBe(3);
    } finally {
      await own.close();
    }
  });

  it("moves only the requests it is told about, and never earlier", async () => {
    const own = await t.create();
    try {
      const first = await takeRequests(own.db, { kind: "poll", want: 4, limit: 10, windowMs: WINDOW_MS, now: at(0) });
      await markRequestsAnswered(own.db, "poll", 2, first.at, at(5_000));
      await markRequestsAnswered(own.db, "poll", 2, first.at, at(-5_000));
      // Two left the window at 61 s (the take), two at 66 s (answered); none moved earlier.
      const later = await takeRequests(own.db, { kind: "poll", want: 10, limit: 10, windowMs: WINDOW_MS, now: at(61_500) });
      expect(later.granted).toBe(8);
    } finally {
      await own.close();
    }
  });
});
