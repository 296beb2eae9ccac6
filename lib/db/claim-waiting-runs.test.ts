import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { claimWaitingRuns } from "@/lib/db/job-queries";
import { insertTestJob } from "@/lib/testing/db-fixtures";
import { forEachDialect, MIGRATIONS_FOLDER } from "@/lib/testing/test-databases";

/**
 * The run queue sends exactly what it claims, and claims what the request budget granted: a
 * claim that takes more than its limit sends runs the budget has no room for (the gateway
 * answers 429). With `in (subquery … limit … for update skip locked)` a claim of 10 took all 120
 * waiting runs on both databases (bench/budget-queue.ts), because the planner rescanned the
 * locking subquery for every row.
 */
forEachDialect("claimWaitingRuns", (t) => {
  it("takes at most `limit` runs, oldest first, however many wait", async () => {
    const own = await t.create();
    try {
      const base = Date.UTC(2026, 0, 1);
      const ids: string[] = [];
      for (let i = 0; i < 120; i++) ids.push((await insertTestJob(own.db, { status: "waiting", createdAt: new Date(base + i) })).id);
      const now = new Date(base + 60_000);

      const first = await claimWaitingRuns(own.db, "queue-a", now, 10_000, 10);
      expect(first.map((j) => j.id)).toEqual(ids.slice(0, 10));
      const second = await claimWaitingRuns(own.db, "queue-a", now, 10_000, 25);
      expect(second.map((j) => j.id)).toEqual(ids.slice(10, 35));

      const counts = await own.db.execute<{ status: string; n: number }>(sql`select status, count(*)::int as n from jobs group by status order by status`);
      expect(counts.rows).toEqual([
        { status: "submitting", n: 35 },
        { status: "waiting", n: 85 },
      ]);
    } finally {
      await own.close();
    }
  });

  it("two instances claiming at once take different runs, each within its limit", async () => {
    const own = await t.create();
    // PostgreSQL: a second pool on the same database, as a second app instance has.
    const other = own.databaseUrl ? await createDatabase({ databaseUrl: own.databaseUrl, dataDir: "", migrationsFolder: MIGRATIONS_FOLDER }) : undefined;
    try {
      for (let i = 0; i < 60; i++) await insertTestJob(own.db, { status: "waiting", createdAt: new Date(Date.UTC(2026, 0, 1) + i) });
      const now = new Date(Date.UTC(2026, 0, 1, 0, 5));
      const [a, b] = await Promise.all([
        claimWaitingRuns(own.db, "queue-a", now, 10_000, 10),
        claimWaitingRuns(other?.db ?? own.db, "queue-b", now, 10_000, 10),
      ]);
      expect(a.length).toBeLessThanOrEqual(10);
      expect(b.length).toBeLessThanOrEqual(10);
      expect(new Set([...a, ...b].map((j) => j.id)).size).toBe(a.length + b.length);
    } finally {
      await other?.close();
      await own.close();
    }
  });
});
