import { expect, it } from "vitest";
import { claimDueJobs } from "@/lib/db/job-queries";
import { insertTestJob } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";

/**
 * The tracker's claim takes at most its limit (the queue's: waiting-runs.test.ts). As one
 * UPDATE … WHERE id IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED), the select may run once per row
 * (it did for the queue's claim: a claim of 1 took all 5 waiting runs); both choose ids first.
 */
forEachDialect("due-job claims", (t) => {
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
