import { inArray } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { deleteImageRows } from "@/lib/db/image-bulk-queries";
import { cancelWaitingRuns, completeJob, deleteJob, failJob, getJobImages, insertJob } from "@/lib/db/job-queries";
import { closeHold, insertReserve, ledgerOfJob, periodSpend, reservedMicros, spendSummary, sweepStaleHolds } from "@/lib/db/ledger-queries";
import { images, jobs } from "@/lib/db/schema";
import { novaCanvas } from "@/lib/models";
import { emptyTables, insertTestHold, insertTestJob, testOutput } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import { periodsAt } from "@/lib/time/zoned-periods";

/**
 * The spend ledger (ledger-queries.ts) and the job transitions that close holds (job-queries.ts):
 * one close per run whatever repeats, releases only where something is held, the sweep only for
 * runs that can no longer close their own hold, and spend that outlives the rows it came from.
 */
const NOW = new Date("2026-06-15T15:00:00Z");
const PERIODS = periodsAt(NOW, "UTC");
const MIN = 60_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

const kinds = async (db: Parameters<typeof ledgerOfJob>[0], id: string) =>
  (await ledgerOfJob(db, id)).map((r) => [r.kind, r.amountMicros, r.images]);

forEachDialect("spend ledger", (t) => {
  beforeEach(async () => {
    await emptyTables(t.db, ["spend_ledger", "jobs"]);
  });

  it("reserve then settle: the run is spent, nothing stays held", async () => {
    const job = await insertTestJob(t.db, { status: "queued", estimatedCostMicros: 240_000, imagesRequested: 2 });
    await insertReserve(t.db, { jobId: job.id, model: job.model, taskType: job.taskType, amountMicros: 240_000, images: 2 }, NOW);
    expect(await periodSpend(t.db, PERIODS)).toEqual({ daySpentMicros: 0, monthSpentMicros: 0, reservedMicros: 240_000 });
    await closeHold(t.db, job.id, { kind: "settle", amountMicros: 120_000, images: 1, now: at(MIN) });
    expect(await periodSpend(t.db, PERIODS)).toEqual({ daySpentMicros: 120_000, monthSpentMicros: 120_000, reservedMicros: 0 });
    // The model and task of a close come from the job row.
    expect((await ledgerOfJob(t.db, job.id)).map((r) => [r.kind, r.model, r.taskType, r.createdAt])).toEqual([
      ["reserve", novaCanvas.id, "TEXT_IMAGE", NOW],
      ["settle", novaCanvas.id, "TEXT_IMAGE", at(MIN)],
    ]);
  });

  it("closes a hold once: a second settle, or a release after it, is ignored", async () => {
    const job = await insertTestHold(t.db, { status: "processing" }, NOW);
    await closeHold(t.db, job.id, { kind: "settle", amountMicros: 120_000, images: 1, now: NOW });
    await closeHold(t.db, job.id, { kind: "settle", amountMicros: 120_000, images: 1, now: at(MIN) });
    await closeHold(t.db, job.id, { kind: "release", amountMicros: 0, images: 0, now: at(2 * MIN) });
    expect(await kinds(t.db, job.id)).toEqual([
      ["reserve", 120_000, 1],
      ["settle", 120_000, 1],
    ]);
  });

  it("releases only where a hold exists; a settle needs none (a run charged without one is still charged)", async () => {
    const unheld = await insertTestJob(t.db, { status: "failed" });
    await closeHold(t.db, unheld.id, { kind: "release", amountMicros: 0, images: 0, now: NOW });
    expect(await ledgerOfJob(t.db, unheld.id)).toEqual([]);
    const held = await insertTestHold(t.db, {}, NOW);
    await closeHold(t.db, held.id, { kind: "release", amountMicros: 0, images: 0, note: "why", now: NOW });
    expect((await ledgerOfJob(t.db, held.id)).map((r) => [r.kind, r.note])).toEqual([
      ["reserve", null],
      ["release", "why"],
    ]);
    await closeHold(t.db, unheld.id, { kind: "settle", amountMicros: 5, images: 0, now: NOW });
    expect(await kinds(t.db, unheld.id)).toEqual([["settle", 5, 0]]);
    // No job row, no close: the row is where the close takes its model from.
    const gone = "00000000-0000-4000-8000-000000000001";
    await closeHold(t.db, gone, { kind: "settle", amountMicros: 5, images: 0, now: NOW });
    expect(await ledgerOfJob(t.db, gone)).toEqual([]);
  });

  it("failJob releases the hold; with outcome_unknown it settles at the estimate", async () => {
    const refused = await insertTestHold(t.db, { status: "submitting", estimatedCostMicros: 360_000, imagesRequested: 3 }, NOW);
    await failJob(t.db, refused.id, "upstream_invalid", "The gateway rejected the request", at(MIN));
    expect(await kinds(t.db, refused.id)).toEqual([
      ["reserve", 360_000, 3],
      ["release", 0, 0],
    ]);

    const unknown = await insertTestHold(t.db, { status: "submitting", estimatedCostMicros: 360_000, imagesRequested: 3 }, NOW);
    await failJob(t.db, unknown.id, "outcome_unknown", "The gateway did not answer", at(MIN));
    const rows = await ledgerOfJob(t.db, unknown.id);
    expect(rows.map((r) => [r.kind, r.amountMicros, r.images, r.createdAt])).toEqual([
      ["reserve", 360_000, 3, NOW],
      ["settle", 360_000, 3, at(MIN)],
    ]);
    expect(rows[1].note).toMatch(/outcome unknown/);

    // Failing again (a resumed tracker) writes nothing more.
    await failJob(t.db, unknown.id, "stuck", "again", at(2 * MIN));
    expect(await ledgerOfJob(t.db, unknown.id)).toHaveLength(2);
  });

  it("completeJob settles what the run actually cost, once, even when completion repeats", async () => {
    const job = await insertTestHold(t.db, { status: "processing", estimatedCostMicros: 360_000, imagesRequested: 3 }, NOW);
    const outcome = { imagesReturned: 2, imagesBlocked: 1, actualCostMicros: 240_000, upstreamCostMicros: null, now: at(MIN) };
    const rows = [0, 1].map((i) => testOutput(job.id, i));
    await completeJob(t.db, job.id, rows, outcome);
    await completeJob(t.db, job.id, rows, { ...outcome, now: at(2 * MIN) });
    expect((await ledgerOfJob(t.db, job.id)).map((r) => [r.kind, r.amountMicros, r.images, r.createdAt])).toEqual([
      ["reserve", 360_000, 3, NOW],
      ["settle", 240_000, 2, at(MIN)],
    ]);
    expect(await getJobImages(t.db, job.id)).toHaveLength(2);
  });

  it("cancelWaitingRuns releases the holds of the runs it cancels and leaves other runs alone", async () => {
    const a = await insertTestHold(t.db, { status: "waiting" }, NOW);
    const b = await insertTestHold(t.db, { status: "waiting" }, NOW);
    const sent = await insertTestHold(t.db, { status: "queued" }, NOW);
    expect(await reservedMicros(t.db)).toBe(360_000);

    const one = await cancelWaitingRuns(t.db, at(MIN), [a.id, sent.id]);
    expect(one.map((j) => [j.id, j.status, j.cancelledAt])).toEqual([[a.id, "cancelled", at(MIN)]]);
    expect(await kinds(t.db, a.id)).toEqual([
      ["reserve", 120_000, 1],
      ["release", 0, 0],
    ]);
    expect(await reservedMicros(t.db)).toBe(240_000);

    const rest = await cancelWaitingRuns(t.db, at(2 * MIN));
    expect(rest.map((j) => j.id)).toEqual([b.id]);
    expect(await ledgerOfJob(t.db, sent.id)).toHaveLength(1);
    expect(await reservedMicros(t.db)).toBe(120_000);
    expect(await cancelWaitingRuns(t.db, at(3 * MIN))).toEqual([]);
  });

  it("sweeps only holds older than the cut-off whose run ended or is gone, once", async () => {
    const old = at(-2 * 60 * MIN);
    const cutoff = at(-60 * MIN);
    // Ended without closing its hold (a crash between the two writes of an older version).
    const failed = await insertTestHold(t.db, { status: "failed" }, old);
    const completed = await insertTestHold(t.db, { status: "completed" }, old);
    const removed = await insertTestHold(t.db, { status: "failed" }, old);
    await deleteJob(t.db, removed.id);
    // Still theirs to close: waiting or in flight, however old.
    const alive = await Promise.all(
      (["waiting", "submitting", "queued", "processing"] as const).map((status) => insertTestHold(t.db, { status }, old)),
    );
    // Ended, but newer than the cut-off: an answer may still come.
    const recent = await insertTestHold(t.db, { status: "failed" }, at(-10 * MIN));
    // Ended and closed: nothing to sweep.
    const closed = await insertTestHold(t.db, { status: "failed" }, old);
    await closeHold(t.db, closed.id, { kind: "release", amountMicros: 0, images: 0, now: old });

    expect(await sweepStaleHolds(t.db, cutoff, NOW)).toBe(3);
    for (const job of [failed, completed, removed]) {
      const rows = await ledgerOfJob(t.db, job.id);
      expect(rows.map((r) => [r.kind, r.amountMicros, r.createdAt])).toEqual([
        ["reserve", 120_000, old],
        ["release", 0, NOW],
      ]);
      expect(rows[1].note).toMatch(/swept/);
    }
    for (const job of [...alive, recent]) expect(await ledgerOfJob(t.db, job.id)).toHaveLength(1);
    expect(await ledgerOfJob(t.db, closed.id)).toHaveLength(2);
    expect(await sweepStaleHolds(t.db, cutoff, at(MIN))).toBe(0);
    expect(await reservedMicros(t.db)).toBe(5 * 120_000);
  });

  it("keeps today's spend when every image of the day, and the runs themselves, are deleted", async () => {
    const runs = [];
    for (let n = 0; n < 3; n++) {
      const job = await insertJob(t.db, {
        model: novaCanvas.id,
        taskType: n === 2 ? "INPAINTING" : "TEXT_IMAGE",
        status: "processing",
        params: { prompt: `run ${n}` },
        imagesRequested: 2,
        estimatedCostMicros: 240_000,
      });
      await insertReserve(t.db, { jobId: job.id, model: job.model, taskType: job.taskType, amountMicros: 240_000, images: 2 }, at(-60 * MIN));
      const rows = [0, 1].map((i) => testOutput(job.id, i, { createdAt: at(n * MIN) }));
      await completeJob(t.db, job.id, rows, { imagesReturned: 2, imagesBlocked: 0, actualCostMicros: 240_000, upstreamCostMicros: null, now: at(n * MIN) });
      runs.push(job);
    }
    const before = await spendSummary(t.db, PERIODS);
    expect(before).toMatchObject({ todayMicros: 720_000, imagesToday: 6, monthMicros: 720_000, allTimeMicros: 720_000 });

    const ids = runs.map((r) => r.id);
    const imageIds = (await t.db.select({ id: images.id }).from(images).where(inArray(images.jobId, ids))).map((r) => r.id);
    expect(await deleteImageRows(t.db, imageIds)).toHaveLength(6);
    expect(await spendSummary(t.db, PERIODS)).toEqual(before);
    await t.db.delete(jobs).where(inArray(jobs.id, ids));
    expect(await spendSummary(t.db, PERIODS)).toEqual(before);
    expect(await periodSpend(t.db, PERIODS)).toEqual({ daySpentMicros: 720_000, monthSpentMicros: 720_000, reservedMicros: 0 });
  });
});
