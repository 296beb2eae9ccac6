import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { emptyTables, insertTestJob } from "@/lib/testing/db-fixtures";
import { openInstances } from "@/lib/testing/instances";
import { forEachDialect } from "@/lib/testing/test-databases";
import { blockRequests, readBudgetState, returnRequests, takeRequests, takeRequestsIn, type RequestKind } from "./rate-queries";

/**
 * The request budget's table work (rate-queries.ts): a sliding log, so `limit` requests fit in
 * any window; submits leave room for the polls of runs already sent; a 429's block holds
 * everyone back. Time is the caller's `now`, so nothing here sleeps.
 */
const T0 = new Date("2026-07-01T10:00:00Z");
const WINDOW = 61_000;
const s = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function take(db: Db, kind: RequestKind, want: number, now: Date, limit = 4) {
  return takeRequests(db, { kind, want, limit, windowMs: WINDOW, now });
}

forEachDialect("request log", (t) => {
  beforeEach(async () => {
    await emptyTables(t.db, ["upstream_request_counts", "upstream_blocks", "jobs"]);
  });

  it("fits `limit` requests in any window; the next fits when the oldest leaves it", async () => {
    for (let i = 0; i < 4; i++) expect(await take(t.db, "poll", 1, s(i * 10))).toEqual({ granted: 1, at: s(i * 10), retryAt: null, left: 3 - i });
    // Full: the next request fits when the one taken at 0 s is a window old.
    expect(await take(t.db, "poll", 1, s(40))).toEqual({ granted: 0, at: s(40), retryAt: s(61), left: 0 });
    expect(await take(t.db, "poll", 2, s(60.999))).toMatchObject({ granted: 0, retryAt: s(61) });
    // At 61 s one has left (0 s); the second of two fits when the one of 10 s leaves too.
    expect(await take(t.db, "poll", 2, s(61))).toEqual({ granted: 1, at: s(61), retryAt: s(71), left: 0 });
    expect(await readBudgetState(t.db, s(61), WINDOW)).toEqual({ usedLastWindow: 4, oldestAt: s(10), blockedUntil: null });
    // Much later everything has left the window.
    expect(await take(t.db, "catalog", 4, s(500))).toEqual({ granted: 4, at: s(500), retryAt: null, left: 0 });
  });

  it("grants part of a request for more than fits, and says when the rest may", async () => {
    await take(t.db, "poll", 1, s(0), 10);
    await take(t.db, "poll", 6, s(5), 10);
    // 3 free of 10: a poll may take all of them; the 4th waits for the one of 0 s.
    expect(await take(t.db, "poll", 5, s(20), 10)).toEqual({ granted: 3, at: s(20), retryAt: s(61), left: 0 });
    // Two more past a full log: the second must wait for two to leave, both taken at 5 s.
    expect(await take(t.db, "sync", 2, s(62), 10)).toEqual({ granted: 1, at: s(62), retryAt: s(66), left: 0 });
  });

  it("a submit leaves one request per active run for its poll and takes at most half of the rest", async () => {
    // Two runs the gateway accepted and that still need polls; a finished and a waiting one do not count.
    await insertTestJob(t.db, { status: "queued", nextPollAt: T0 });
    await insertTestJob(t.db, { status: "processing", nextPollAt: T0 });
    await insertTestJob(t.db, { status: "completed" });
    await insertTestJob(t.db, { status: "waiting" });
    // limit 10, 2 held for polls: 8 free, a submit takes 4.
    expect(await take(t.db, "submit", 10, s(0), 10)).toMatchObject({ granted: 4 });
    // 10 - 4 used - 2 held = 4 free: a submit takes 2, a poll could take all 4.
    expect(await take(t.db, "submit", 10, s(1), 10)).toMatchObject({ granted: 2 });
    // 2 free, then 1: half rounded up is one submit each time; then none, until the first leave the window.
    expect(await take(t.db, "submit", 10, s(2), 10)).toMatchObject({ granted: 1 });
    expect(await take(t.db, "submit", 10, s(2), 10)).toMatchObject({ granted: 1 });
    expect(await take(t.db, "submit", 1, s(3), 10)).toEqual({ granted: 0, at: s(3), retryAt: s(61), left: 2 });
    // The polls of the accepted runs still fit.
    expect(await take(t.db, "poll", 5, s(3), 10)).toMatchObject({ granted: 2 });
    expect(await take(t.db, "poll", 1, s(3), 10)).toMatchObject({ granted: 0 });
  });

  it("a submit for a run ahead of the line is granted only while no run waits, in the caller's transaction", async () => {
    const ahead = (now: Date) => t.db.transaction((tx) => takeRequestsIn(tx, { kind: "submit", want: 1, limit: 10, windowMs: WINDOW, now, unlessRunsWait: true }));
    await take(t.db, "poll", 2, s(0), 10);
    expect(await ahead(s(1))).toEqual({ granted: 1, at: s(1), retryAt: null, left: 7 });
    // A run in line goes first: nothing is taken, and the room is still there for the queue.
    await insertTestJob(t.db, { status: "waiting" });
    expect(await ahead(s(2))).toEqual({ granted: 0, at: s(2), retryAt: null, left: 7 });
    expect(await readBudgetState(t.db, s(2), WINDOW)).toMatchObject({ usedLastWindow: 3 });
    // Without the condition (the queue's own take) the same moment grants.
    expect(await take(t.db, "submit", 1, s(2), 10)).toMatchObject({ granted: 1, left: 6 });
    await emptyTables(t.db, ["jobs"]);
    // A 429's block holds it back as it does every take.
    await blockRequests(t.db, s(30));
    expect(await ahead(s(3))).toEqual({ granted: 0, at: s(3), retryAt: s(30), left: 0 });
  });

  it("a run being sent holds a request for its poll, as an accepted one does", async () => {
    await insertTestJob(t.db, { status: "submitting" });
    await insertTestJob(t.db, { status: "queued", nextPollAt: T0 });
    // limit 4, 2 held: 2 free, a submit takes half; then the last free one; then none.
    expect(await take(t.db, "submit", 4, s(0))).toMatchObject({ granted: 1, left: 3 });
    expect(await take(t.db, "submit", 4, s(0))).toMatchObject({ granted: 1, left: 2 });
    expect(await take(t.db, "submit", 4, s(0))).toMatchObject({ granted: 0 });
    // The two held are the polls': they still fit.
    expect(await take(t.db, "poll", 4, s(0))).toMatchObject({ granted: 2, left: 0 });
  });

  it("a submit waits for the polls when the active runs alone fill the budget", async () => {
    for (let i = 0; i < 4; i++) await insertTestJob(t.db, { status: "queued", nextPollAt: T0 });
    const r = await take(t.db, "submit", 1, s(0));
    expect(r.granted).toBe(0);
    expect(r.retryAt!.getTime()).toBeGreaterThan(s(0).getTime());
    expect(await take(t.db, "poll", 4, s(0))).toMatchObject({ granted: 4 });
  });

  it("counts a request from the whole second after it was taken: it leaves the window late, never early", async () => {
    expect(await take(t.db, "poll", 4, s(0.2))).toMatchObject({ granted: 4 });
    // Counted to the millisecond they would have left at 61.2 s; counted from 1 s, they leave at 62 s.
    expect(await take(t.db, "poll", 1, s(61.5))).toEqual({ granted: 0, at: s(61.5), retryAt: s(62), left: 0 });
    expect(await take(t.db, "poll", 4, s(62))).toMatchObject({ granted: 4 });
  });

  it("an accepted run holds a request only while its next poll falls due within the window", async () => {
    // Due at 30 s (within the window of a take at 0 s), and overdue: both hold. Due at 90 s: a
    // request granted at 0 s has left the window by then, so it cannot crowd that poll out.
    await insertTestJob(t.db, { status: "queued", nextPollAt: s(30) });
    await insertTestJob(t.db, { status: "processing", nextPollAt: s(-5) });
    await insertTestJob(t.db, { status: "queued", nextPollAt: s(90) });
    // limit 5, 2 held: 3 free, a submit takes 2 (with all 3 held it would take 1).
    expect(await take(t.db, "submit", 5, s(0), 5)).toMatchObject({ granted: 2 });
    // At 40 s the run due at 90 s is within the window too: 5 - 2 used - 3 held, nothing free.
    expect(await take(t.db, "submit", 5, s(40), 5)).toMatchObject({ granted: 0 });
  });

  it("gives back requests taken but not made, only of that kind and time", async () => {
    const polls = await take(t.db, "poll", 1, s(0), 10);
    const submits = await take(t.db, "submit", 3, s(0), 10);
    expect(submits.granted).toBe(3);
    await returnRequests(t.db, "submit", 2, submits.at);
    expect(await readBudgetState(t.db, s(1), WINDOW)).toMatchObject({ usedLastWindow: 2 });
    // More than were taken: only those of that kind at that time go.
    await returnRequests(t.db, "submit", 5, submits.at);
    await returnRequests(t.db, "poll", 1, s(30));
    expect(await readBudgetState(t.db, s(1), WINDOW)).toMatchObject({ usedLastWindow: 1 });
    await returnRequests(t.db, "poll", 1, polls.at);
    await returnRequests(t.db, "poll", 0, polls.at);
    expect(await readBudgetState(t.db, s(1), WINDOW)).toMatchObject({ usedLastWindow: 0 });
  });

  it("grants nothing while a 429's block lasts; a later block wins over an earlier one", async () => {
    await blockRequests(t.db, s(30));
    expect(await take(t.db, "poll", 1, s(0))).toEqual({ granted: 0, at: s(0), retryAt: s(30), left: 0 });
    await blockRequests(t.db, s(20));
    expect(await readBudgetState(t.db, s(0), WINDOW)).toEqual({ usedLastWindow: 0, oldestAt: null, blockedUntil: s(30) });
    await blockRequests(t.db, s(45));
    expect(await take(t.db, "submit", 1, s(31))).toEqual({ granted: 0, at: s(31), retryAt: s(45), left: 0 });
    // Nothing was counted while blocked; at the end of the block everything is free.
    expect(await readBudgetState(t.db, s(44), WINDOW)).toEqual({ usedLastWindow: 0, oldestAt: null, blockedUntil: s(45) });
    expect(await take(t.db, "poll", 4, s(45))).toMatchObject({ granted: 4 });
    expect(await readBudgetState(t.db, s(45), WINDOW)).toEqual({ usedLastWindow: 4, oldestAt: s(45), blockedUntil: null });
  });

  it("never grants more than the limit to instances taking at once", async () => {
    const racers = await openInstances(t.database, 4);
    try {
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => take(racers.at(i), "poll", 1, s(0), 10)));
      expect(results.reduce((a, r) => a + r.granted, 0)).toBe(10);
      expect(await readBudgetState(t.db, s(0), WINDOW)).toMatchObject({ usedLastWindow: 10 });
    } finally {
      await racers.close();
    }
  });
});
