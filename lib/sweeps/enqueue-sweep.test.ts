import sharp from "sharp";
import { afterEach, beforeEach, expect, it } from "vitest";
import { listJobInputs } from "@/lib/db/input-queries";
import { listRecentJobs } from "@/lib/db/job-queries";
import { listLedger } from "@/lib/db/ledger-queries";
import { inputs, jobs } from "@/lib/db/schema";
import { listSweepCells, listSweepJobs } from "@/lib/db/sweep-queries";
import { AppError } from "@/lib/errors";
import type { OfferedModel } from "@/lib/model-catalog/offered-models";
import { novaCanvas } from "@/lib/models";
import { emptyTables } from "@/lib/testing/db-fixtures";
import { setTestEnv } from "@/lib/testing/test-env";
import { forEachDialect } from "@/lib/testing/test-databases";
import { enqueueSweep } from "./enqueue-sweep";
import type { SweepRequest } from "./sweep-axis";
import { FLUX_ID, SEEDREAM_ID, TEST_MODELS } from "./test-models";

/**
 * enqueueSweep admits a sweep whole or not at all: every cell checked and priced on the server,
 * one hold per cell under the caps, images stored once, cells queued in run order.
 */
const NOW = new Date("2026-06-15T12:00:00Z");
const OFFERED: OfferedModel[] = TEST_MODELS.map((definition) => ({ definition, catalog: null, unavailable: null }));
const base = { model: novaCanvas.id, task_type: "TEXT_IMAGE", prompt: "a red fox in the snow", seed: 42 };
const threeByThree: SweepRequest = {
  base,
  axes: [
    { field: "cfg_scale", values: [3, 6, 9] },
    { field: "style", values: ["PHOTOREALISM", "SOFT_DIGITAL_PAINTING", "DESIGN_SKETCH"] },
  ],
};

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

forEachDialect("enqueueSweep", (t) => {
  let restoreEnv = () => {};
  beforeEach(async () => {
    await emptyTables(t.db, ["spend_ledger", "sweep_cells", "sweeps", "job_inputs", "jobs", "inputs", "settings"]);
    restoreEnv = setTestEnv({ SPEND_CAP_DAY_USD: undefined, SPEND_CAP_MONTH_USD: undefined, TZ: "UTC" });
  });
  afterEach(() => restoreEnv());

  it("queues the 3×3 as 9 waiting runs with one seed, 9 holds of $0.12, cells in row order", async () => {
    const { sweep, replayed } = await enqueueSweep(t.db, OFFERED, threeByThree, { now: NOW });
    expect(replayed).toBe(false);
    expect(sweep).toMatchObject({ cellCount: 9, estimatedCostMicros: 1_080_000, seed: 42, title: "Prompt strength (CFG) × Style: a red fox in the snow" });
    const runs = await listSweepJobs(t.db, sweep.id);
    expect(runs).toHaveLength(9);
    expect(new Set(runs.map((j) => j.status))).toEqual(new Set(["waiting"]));
    expect(new Set(runs.map((j) => j.seed))).toEqual(new Set([42]));
    expect(new Set(runs.map((j) => j.sweepId))).toEqual(new Set([sweep.id]));
    const cells = await listSweepCells(t.db, sweep.id);
    const byId = new Map(runs.map((j) => [j.id, j]));
    // The queue sends oldest first: cell 0 first, cell 8 last.
    const created = cells.map((c) => byId.get(c.jobId!)!.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(cells.map((c) => [c.x, c.y, byId.get(c.jobId!)!.params.cfg_scale, byId.get(c.jobId!)!.params.style])[5]).toEqual([2, 1, 9, "SOFT_DIGITAL_PAINTING"]);
    const ledger = await listLedger(t.db);
    expect(ledger.map((r) => [r.kind, r.amountMicros])).toEqual(Array.from({ length: 9 }, () => ["reserve", 120_000]));
    // The runs column lists single runs; the cells are on the sweep's grid.
    expect(await listRecentJobs(t.db, 20)).toEqual([]);
  });

  it("refuses a sweep with a refused cell, naming it, and stores nothing", async () => {
    const e = await refusal(enqueueSweep(t.db, OFFERED, { ...threeByThree, axes: [{ field: "cfg_scale", values: [6, 12] }] }, { now: NOW }));
    expect(e.status).toBe(422);
    expect(e.fields?.map((f) => f.field)).toEqual(["cells[1]", "drop"]);
    expect(e.fields?.[0].message).toMatch(/^Cell 2 \(12\): cfg_scale/);
    expect(e.fields?.[1].message).toBe("Fix the values or drop the 1 refused cells (drop: [1]); nothing ran");
    expect(await t.db.select().from(jobs)).toEqual([]);
    // Dropped, the sweep runs, and the dropped cell says why it has no run.
    const { sweep } = await enqueueSweep(t.db, OFFERED, { ...threeByThree, axes: [{ field: "cfg_scale", values: [6, 12] }], drop: [1] }, { now: NOW });
    const cells = await listSweepCells(t.db, sweep.id);
    expect(cells.map((c) => [c.position, c.jobId === null, c.note])).toEqual([
      [0, false, null],
      [1, true, "Left out before Run"],
    ]);
  });

  it("refuses a sweep past the cap whole (402 for the sweep's total), storing nothing", async () => {
    restoreEnv();
    restoreEnv = setTestEnv({ SPEND_CAP_DAY_USD: "1.00", SPEND_CAP_MONTH_USD: undefined, TZ: "UTC" });
    const e = await refusal(enqueueSweep(t.db, OFFERED, threeByThree, { now: NOW }));
    expect(e.code).toBe("spend_cap_reached");
    expect(e.message).toMatch(/^This sweep of 9 runs needs up to \$1\.08, but the daily spending cap is \$1\.00/);
    expect(await listLedger(t.db)).toEqual([]);
    expect(await t.db.select().from(jobs)).toEqual([]);
  });

  it("runs a model axis at each model's price, the model axis outermost, one shared seed", async () => {
    const { sweep } = await enqueueSweep(
      t.db,
      OFFERED,
      { base: { ...base, seed: undefined }, axes: [{ field: "seed", values: [1, 2] }, { field: "model", values: [novaCanvas.id, FLUX_ID, SEEDREAM_ID] }] },
      { now: NOW },
    );
    expect(sweep.seed).toBeNull();
    const runs = (await listSweepJobs(t.db, sweep.id)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expect(runs.map((j) => [j.model, j.seed, j.estimatedCostMicros])).toEqual([
      [novaCanvas.id, 1, 120_000],
      [novaCanvas.id, 2, 120_000],
      [FLUX_ID, 1, 8_500],
      [FLUX_ID, 2, 8_500],
      [SEEDREAM_ID, 1, 35_000],
      [SEEDREAM_ID, 2, 35_000],
    ]);
    expect(sweep.estimatedCostMicros).toBe(327_000);
  });

  it("draws one seed for every cell when the form has none, within the model's range, and names the default model", async () => {
    const { sweep } = await enqueueSweep(t.db, OFFERED, { base: { task_type: "TEXT_IMAGE", prompt: "a fox" }, axes: [threeByThree.axes[0]] }, { now: NOW });
    expect(sweep.base.model).toBe(novaCanvas.id);
    expect(sweep.title).toBe("Prompt strength (CFG): a fox");
    const seeds = new Set((await listSweepJobs(t.db, sweep.id)).map((j) => j.seed));
    expect(seeds.size).toBe(1);
    expect([...seeds][0]).toBe(sweep.seed);
  });

  it("stores a shared input image once, links it to every cell, and keeps no bytes in the sweep", async () => {
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#336699" } }).png().toBuffer();
    const image = `data:image/png;base64,${png.toString("base64")}`;
    const { sweep } = await enqueueSweep(
      t.db,
      OFFERED,
      { base: { model: novaCanvas.id, task_type: "IMAGE_VARIATION", prompt: "a fox", images: [image], seed: 3 }, axes: [{ field: "similarity_strength", values: [0.3, 0.6, 0.9] }] },
      { now: NOW },
    );
    expect(await t.db.select().from(inputs)).toHaveLength(1);
    const runs = await listSweepJobs(t.db, sweep.id);
    for (const run of runs) {
      expect((await listJobInputs(t.db, run.id)).map((i) => i.role)).toEqual(["images"]);
      expect(JSON.stringify(run.params)).not.toContain("base64");
    }
    expect(JSON.stringify(sweep.base)).not.toContain("base64");
  });

  it("replays a repeated Idempotency-Key with the same body, and refuses it with another", async () => {
    const key = "sweep-key-0001";
    const first = await enqueueSweep(t.db, OFFERED, threeByThree, { now: NOW, idempotency: { key, body: threeByThree } });
    const again = await enqueueSweep(t.db, OFFERED, threeByThree, { now: NOW, idempotency: { key, body: threeByThree } });
    expect([again.replayed, again.sweep.id]).toEqual([true, first.sweep.id]);
    expect(await t.db.select().from(jobs)).toHaveLength(9);
    const other = { ...threeByThree, title: "another" };
    const e = await refusal(enqueueSweep(t.db, OFFERED, other, { now: NOW, idempotency: { key, body: other } }));
    expect(e.fields?.[0].field).toBe("Idempotency-Key");
  });
});
