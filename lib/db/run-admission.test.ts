import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { getJob } from "@/lib/db/job-queries";
import { ledgerOfJob, listLedger, periodSpend } from "@/lib/db/ledger-queries";
import { jobs } from "@/lib/db/schema";
import { novaCanvas } from "@/lib/models";
import { emptyTables, insertTestJob, insertTestSettle } from "@/lib/testing/db-fixtures";
import { openInstances } from "@/lib/testing/instances";
import { forEachDialect } from "@/lib/testing/test-databases";
import { periodsAt } from "@/lib/time/zoned-periods";
import { admitRun, type AdmitInput, type CapLimits } from "./run-admission";

/**
 * Admission (run-admission.ts) on both databases: a cap is never overbooked however many runs
 * race for it (on PostgreSQL from several connection pools at once, as separate instances
 * would), an Idempotency-Key makes one run, and the caps compare spent + held + need ≤ cap.
 */
const NOW = new Date("2026-05-20T12:00:00Z");
const PERIODS = periodsAt(NOW, "UTC");
const COST = 120_000;
const NO_CAPS: CapLimits = { dayMicros: null, monthMicros: null };
const HOUR = 60 * 60 * 1000;

function input(over: Partial<AdmitInput> = {}, cost = COST): AdmitInput {
  return {
    row: {
      model: novaCanvas.id,
      taskType: "TEXT_IMAGE",
      params: { task_type: "TEXT_IMAGE", prompt: "a lighthouse at dusk" },
      prompt: "a lighthouse at dusk",
      imagesRequested: 1,
      estimatedCostMicros: cost,
    },
    links: [],
    caps: NO_CAPS,
    periods: PERIODS,
    now: NOW,
    ...over,
  };
}

const idem = (key: string, requestHash: string, now = NOW) => ({ key, requestHash, since: new Date(now.getTime() - 24 * HOUR) });

async function jobCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(jobs);
  return row.n;
}

forEachDialect("run admission", (t) => {
  beforeEach(async () => {
    await emptyTables(t.db, ["spend_ledger", "jobs"]);
  });

  it("admits exactly 8 of 200 concurrent $0.12 runs under a $1.00 daily cap; held + spent never passes the cap", async () => {
    // PostgreSQL: four instances' pools racing, and a fifth that only watches the ledger.
    const racers = await openInstances(t.database, 4);
    const watcher = await openInstances(t.database, 1);
    try {
      const cap = 1_000_000;
      const caps = { dayMicros: cap, monthMicros: null };
      const seen: number[] = [];
      let racing = true;
      const watching = (async () => {
        do {
          const s = await periodSpend(watcher.at(0), PERIODS);
          seen.push(s.daySpentMicros + s.reservedMicros);
        } while (racing);
      })();
      const results = await Promise.all(Array.from({ length: 200 }, (_, i) => admitRun(racers.at(i), input({ caps }))));
      racing = false;
      await watching;

      const admitted = results.filter((r) => r.kind === "admitted");
      const refused = results.filter((r) => r.kind === "over_cap");
      expect(admitted).toHaveLength(8);
      expect(refused).toHaveLength(192);
      expect(new Set(admitted.map((r) => r.job.id)).size).toBe(8);
      for (const r of refused) {
        expect(r).toMatchObject({ period: "day", capMicros: cap, needMicros: COST, spend: { daySpentMicros: 0, reservedMicros: 960_000 } });
      }
      expect(seen.length).toBeGreaterThan(0);
      expect(Math.max(...seen)).toBeLessThanOrEqual(cap);

      const s = await periodSpend(t.db, PERIODS);
      expect(s.daySpentMicros + s.reservedMicros).toBe(960_000);
      expect(await jobCount(t.db)).toBe(8);
      const ledger = await listLedger(t.db);
      expect(ledger.map((r) => r.kind)).toEqual(Array(8).fill("reserve"));
      expect(new Set(ledger.map((r) => r.jobId))).toEqual(new Set(admitted.map((r) => r.job.id)));
    } finally {
      await watcher.close();
      await racers.close();
    }
  });

  it("writes the run waiting, with its hold, at the admission's time", async () => {
    const result = await admitRun(t.db, input({}, 360_000));
    expect(result.kind).toBe("admitted");
    if (result.kind !== "admitted") return;
    expect(result.job).toMatchObject({ status: "waiting", estimatedCostMicros: 360_000, idempotencyKey: null, createdAt: NOW, updatedAt: NOW });
    expect((await ledgerOfJob(t.db, result.job.id)).map((r) => [r.kind, r.amountMicros, r.images, r.createdAt])).toEqual([["reserve", 360_000, 1, NOW]]);
  });

  it("writes neither the run nor its hold when a part of the admission fails", async () => {
    const before = await jobCount(t.db);
    const ledgerBefore = (await listLedger(t.db)).length;
    // A link to an input that was never stored breaks a foreign key inside the transaction.
    const broken = input({ links: [{ inputSha256: "0".repeat(64), role: "image" }] });
    await expect(admitRun(t.db, broken)).rejects.toThrow();
    expect(await jobCount(t.db)).toBe(before);
    expect(await listLedger(t.db)).toHaveLength(ledgerBefore);
  });

  it("makes one run of 10 concurrent submits with the same Idempotency-Key; the other 9 replay it", async () => {
    const racers = await openInstances(t.database, 3);
    try {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => admitRun(racers.at(i), input({ idempotency: idem("key-1", "hash-a") }))));
      const admitted = results.filter((r) => r.kind === "admitted");
      const replayed = results.filter((r) => r.kind === "replayed");
      expect(admitted).toHaveLength(1);
      expect(replayed).toHaveLength(9);
      const id = admitted[0].job.id;
      expect(replayed.every((r) => r.job.id === id)).toBe(true);
      expect(await jobCount(t.db)).toBe(1);
      expect(await ledgerOfJob(t.db, id)).toHaveLength(1);
      expect(admitted[0].job).toMatchObject({ idempotencyKey: "key-1", requestHash: "hash-a" });

      // The same key with another body is refused, naming the run it made.
      const reused = await admitRun(t.db, input({ idempotency: idem("key-1", "hash-b") }));
      expect(reused).toMatchObject({ kind: "key_reused", job: { id } });
      expect(await jobCount(t.db)).toBe(1);
    } finally {
      await racers.close();
    }
  });

  it("replays a key even when the cap is full now, and refuses a reused key before checking caps", async () => {
    const caps = { dayMicros: COST, monthMicros: null };
    const first = await admitRun(t.db, input({ caps, idempotency: idem("full", "h") }));
    expect(first.kind).toBe("admitted");
    // The cap is now fully held: a retry of the same request still gets its run back.
    expect(await admitRun(t.db, input({ caps, idempotency: idem("full", "h") }))).toMatchObject({ kind: "replayed" });
    expect(await admitRun(t.db, input({ caps, idempotency: idem("full", "other") }))).toMatchObject({ kind: "key_reused" });
    expect(await admitRun(t.db, input({ caps }))).toMatchObject({ kind: "over_cap" });
  });

  it("frees a key past its window: a new run takes it, the old run keeps its row and hold but loses the key", async () => {
    const first = await admitRun(t.db, input({ idempotency: idem("old-key", "hash-1") }));
    if (first.kind !== "admitted") throw new Error(`expected admitted, got ${first.kind}`);
    const later = new Date(NOW.getTime() + 25 * HOUR);
    const second = await admitRun(t.db, input({ now: later, periods: periodsAt(later, "UTC"), idempotency: idem("old-key", "hash-2", later) }));
    expect(second.kind).toBe("admitted");
    if (second.kind !== "admitted") return;
    expect(second.job.id).not.toBe(first.job.id);
    expect(second.job).toMatchObject({ idempotencyKey: "old-key", requestHash: "hash-2", createdAt: later });
    const old = await getJob(t.db, first.job.id);
    expect(old).toMatchObject({ id: first.job.id, status: "waiting", idempotencyKey: null, createdAt: NOW });
    expect(await ledgerOfJob(t.db, first.job.id)).toHaveLength(1);
    expect(await t.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.idempotencyKey, "old-key"))).toEqual([{ id: second.job.id }]);
  });

  it("checks the monthly cap against the month's settlements and what is held", async () => {
    // Settled earlier this month (not today), and one run held now.
    await insertTestSettle(t.db, await insertTestJob(t.db, { status: "completed" }), 400_000, new Date("2026-05-03T09:00:00Z"));
    await insertTestSettle(t.db, await insertTestJob(t.db, { status: "completed" }), 999_000, new Date("2026-04-30T23:59:59Z"));
    expect((await admitRun(t.db, input({}, 100_000))).kind).toBe("admitted");
    const caps = { dayMicros: null, monthMicros: 620_000 };

    const over = await admitRun(t.db, input({ caps }, 120_001));
    expect(over).toEqual({
      kind: "over_cap",
      period: "month",
      capMicros: 620_000,
      needMicros: 120_001,
      spend: { daySpentMicros: 0, monthSpentMicros: 400_000, reservedMicros: 100_000 },
    });
    // 400,000 spent + 100,000 held + 120,000 needed is the cap exactly: allowed.
    expect((await admitRun(t.db, input({ caps }, 120_000))).kind).toBe("admitted");
    expect((await admitRun(t.db, input({ caps }, 1))).kind).toBe("over_cap");
    // A day cap with room does not let a run past a full month.
    expect(await admitRun(t.db, input({ caps: { dayMicros: 10_000_000, monthMicros: 620_000 } }, 1))).toMatchObject({ kind: "over_cap", period: "month" });
  });

  it("allows a run that brings the day exactly to its cap, refuses one micro-dollar more, and checks nothing without caps", async () => {
    await insertTestSettle(t.db, await insertTestJob(t.db, { status: "completed" }), 500_000, new Date("2026-05-20T08:00:00Z"));
    // Yesterday's spend is not today's.
    await insertTestSettle(t.db, await insertTestJob(t.db, { status: "completed" }), 5_000_000, new Date("2026-05-19T23:00:00Z"));
    const caps = { dayMicros: 1_000_000, monthMicros: null };
    expect((await admitRun(t.db, input({ caps }, 380_000))).kind).toBe("admitted");
    expect(await admitRun(t.db, input({ caps }, 120_001))).toMatchObject({
      kind: "over_cap",
      period: "day",
      spend: { daySpentMicros: 500_000, reservedMicros: 380_000 },
    });
    expect((await admitRun(t.db, input({ caps }, 120_000))).kind).toBe("admitted");
    // Without caps nothing is compared, however much is spent and held.
    expect((await admitRun(t.db, input({}, 50_000_000))).kind).toBe("admitted");
    expect((await periodSpend(t.db, PERIODS)).reservedMicros).toBe(50_500_000);
  });
});
