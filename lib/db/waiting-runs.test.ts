import { beforeEach, expect, it } from "vitest";
import { claimWaitingRuns, countQueue, getJob, returnToWaiting, waitingPositions } from "@/lib/db/job-queries";
import type { JobRow } from "@/lib/db/schema";
import { emptyTables, insertTestJob } from "@/lib/testing/db-fixtures";
import { openInstances } from "@/lib/testing/instances";
import { forEachDialect } from "@/lib/testing/test-databases";

/**
 * The run queue's rows (job-queries.ts): claims take at most `limit` waiting runs, oldest first,
 * and instances claiming at once never take the same run; a run put back keeps its place.
 */
const T0 = new Date("2026-08-01T09:00:00Z").getTime();
const LEASE = 5000;

forEachDialect("waiting runs", (t) => {
  beforeEach(async () => {
    await emptyTables(t.db, ["jobs"]);
  });

  /** Waiting runs created `seconds` after T0, in the order given. */
  async function waiting(...seconds: number[]): Promise<JobRow[]> {
    const rows: JobRow[] = [];
    for (const s of seconds) rows.push(await insertTestJob(t.db, { status: "waiting", createdAt: new Date(T0 + s * 1000) }));
    return rows;
  }

  it("claims at most `limit` runs, the oldest, leased to the claimer as submitting", async () => {
    const runs = await waiting(50, 40, 30, 20, 10);
    const now = new Date(T0 + 60_000);
    const claimed = await claimWaitingRuns(t.db, "queue-a", now, LEASE, 2);
    expect(claimed.map((j) => j.id)).toEqual([runs[4].id, runs[3].id]);
    for (const job of claimed) expect(job).toMatchObject({ status: "submitting", leaseOwner: "queue-a", leaseUntil: new Date(now.getTime() + LEASE), updatedAt: now });
    expect(await countQueue(t.db)).toEqual({ waiting: 3, inFlight: 2 });
    expect((await claimWaitingRuns(t.db, "queue-a", now, LEASE, 10)).map((j) => j.id)).toEqual([runs[2].id, runs[1].id, runs[0].id]);
    expect(await claimWaitingRuns(t.db, "queue-a", now, LEASE, 10)).toEqual([]);
    expect(await claimWaitingRuns(t.db, "queue-a", now, LEASE, 0)).toEqual([]);
  });

  it("breaks a tie in creation time by id, and leaves runs of other states alone", async () => {
    const [a, b] = await waiting(5, 5);
    await insertTestJob(t.db, { status: "queued", createdAt: new Date(T0), nextPollAt: new Date(T0) });
    await insertTestJob(t.db, { status: "cancelled", createdAt: new Date(T0) });
    const claimed = await claimWaitingRuns(t.db, "q", new Date(T0 + 10_000), LEASE, 5);
    expect(claimed.map((j) => j.id)).toEqual([a.id, b.id].sort());
  });

  it("a run put back after a 429 is waiting again in its old place; only a submitting run can be put back", async () => {
    const runs = await waiting(1, 2, 3);
    const [first] = await claimWaitingRuns(t.db, "q", new Date(T0 + 10_000), LEASE, 1);
    expect(await waitingPositions(t.db, runs.map((r) => r.id))).toEqual(new Map([[runs[1].id, 1], [runs[2].id, 2]]));
    await returnToWaiting(t.db, first.id, new Date(T0 + 11_000));
    expect(await getJob(t.db, first.id)).toMatchObject({ status: "waiting", leaseOwner: null, leaseUntil: null });
    expect(await waitingPositions(t.db, [runs[2].id, runs[0].id, "00000000-0000-4000-8000-000000000000"])).toEqual(
      new Map([[runs[0].id, 1], [runs[2].id, 3]]),
    );
    const sent = await insertTestJob(t.db, { status: "queued", nextPollAt: new Date(T0) });
    await returnToWaiting(t.db, sent.id, new Date(T0 + 12_000));
    expect((await getJob(t.db, sent.id))?.status).toBe("queued");
    expect(await waitingPositions(t.db, [])).toEqual(new Map());
  });

  it("instances claiming at once never take the same run, and together take no more than there are", async () => {
    const runs = await waiting(...Array.from({ length: 30 }, (_, i) => i));
    const racers = await openInstances(t.database, 4);
    try {
      const now = new Date(T0 + 60_000);
      const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimWaitingRuns(racers.at(i), `queue-${i}`, now, LEASE, 5)));
      const ids = claims.flat().map((j) => j.id);
      expect(claims.every((c) => c.length <= 5)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(30);
      expect(new Set(ids)).toEqual(new Set(runs.map((r) => r.id)));
      expect(await countQueue(t.db)).toEqual({ waiting: 0, inFlight: 30 });
    } finally {
      await racers.close();
    }
  });
});
