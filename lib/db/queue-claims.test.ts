import { expect, it } from "vitest";
import { claimDueJobs, claimWaitingRuns } from "@/lib/db/job-queries";
import { insertTestJob } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";

/**
 * A claim takes at most its limit. As one UPDATE … WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP
 * LOCKED), the select ran once per row and a claim of 1 took all 5 waiting runs (so the queue
 * sent 5 runs on a budget of 1); the claims now choose the ids first.
 */
forEachDialect("claims", (t) => {
  it("claims at most `limit` waiting runs, oldest first, and only waiting ones", async () => {
    const own = await t.create();
    try {
      const base = Date.parse("2026-12-01T10:00:00Z");
      const ids: string[] = [];
      for (let n = 0; n < 5; n++) {
        ids.push((await insertTestJob(own.db, { status: "waiting", createdAt: new Date(base + n * 1000) })).id);
      }
      const now = new Date(base + 60_000);
      const first = await claimWaitingRuns(own.db, "a", now, 10_000, 1);
      expect(first.map((j) => [j.id, j.status, j.leaseOwner])).toEqual([[ids[0], "submitting", "a"]]);
      const next = await claimWaitingRuns(own.db, "b", now, 10_000, 2);
      expect(next.map((j) => j.id)).toEqual([ids[1], ids[2]]);
      expect((await claimWaitingRuns(own.db, "c", now, 10_000, 10)).map((j) => j.id)).toEqual([ids[3], ids[4]]);
      expect(await claimWaitingRuns(own.db, "d", now, 10_000, 10)).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it("claims at most `limit` due jobs", async () => {
    const own = await t.create();
    try {
      const now = new Date("2026-12-01T10:00:00Z");
      for (let n = 0; n < 5; n++) {
        await insertTestJob(own.db, { status: "queued", upstreamJobId: `up-${n}`, nextPollAt: new Date(now.getTime() - 1000 * (5 - n)) });
      }
      expect(await claimDueJobs(own.db, "a", now, 10_000, 2)).toHaveLength(2);
      expect(await claimDueJobs(own.db, "b", now, 10_000, 10)).toHaveLength(3);
    } finally {
      await own.close();
    }
  });
});
