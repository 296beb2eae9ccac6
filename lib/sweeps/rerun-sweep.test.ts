import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { jobs } from "@/lib/db/schema";
import { listSweepCells, listSweepJobs } from "@/lib/db/sweep-queries";
import { AppError } from "@/lib/errors";
import type { OfferedModel } from "@/lib/model-catalog/offered-models";
import { novaCanvas } from "@/lib/models";
import { emptyTables } from "@/lib/testing/db-fixtures";
import { setTestEnv } from "@/lib/testing/test-env";
import { forEachDialect } from "@/lib/testing/test-databases";
import { enqueueSweep } from "./enqueue-sweep";
import { rerunCell, rerunWithSeed } from "./rerun-sweep";
import { TEST_MODELS } from "./test-models";

/** Re-runs start from the cells' runs: a cell again (same seed or a new one), the sweep with another seed. */
const OFFERED: OfferedModel[] = TEST_MODELS.map((definition) => ({ definition, catalog: null, unavailable: null }));
const base = { model: novaCanvas.id, task_type: "TEXT_IMAGE", prompt: "a red fox", seed: 42 };

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

forEachDialect("sweep re-runs", (t) => {
  beforeEach(async () => {
    await emptyTables(t.db, ["spend_ledger", "sweep_cells", "sweeps", "jobs"]);
    setTestEnv({ SPEND_CAP_DAY_USD: undefined, SPEND_CAP_MONTH_USD: undefined, TZ: "UTC" });
  });

  it("re-runs an ended cell with its parameters and points the cell at the new run; refuses one still going", async () => {
    const { sweep } = await enqueueSweep(t.db, OFFERED, { base, axes: [{ field: "cfg_scale", values: [3, 6] }] });
    const [cell] = await listSweepCells(t.db, sweep.id);
    expect((await failure(rerunCell(t.db, OFFERED, sweep.id, 0, false))).code).toBe("conflict");
    await t.db.update(jobs).set({ status: "failed", failedAt: new Date() }).where(eq(jobs.id, cell.jobId!));

    const again = await rerunCell(t.db, OFFERED, sweep.id, 0, false);
    expect(again).toMatchObject({ status: "waiting", sweepId: sweep.id, seed: 42, params: expect.objectContaining({ cfg_scale: 3 }) });
    expect((await listSweepCells(t.db, sweep.id))[0].jobId).toBe(again.id);
    expect(await listSweepJobs(t.db, sweep.id)).toHaveLength(2);

    await t.db.update(jobs).set({ status: "failed", failedAt: new Date() }).where(eq(jobs.id, again.id));
    const reseeded = await rerunCell(t.db, OFFERED, sweep.id, 0, true);
    expect(reseeded.seed).toBeLessThanOrEqual(858_993_459);
    expect((await failure(rerunCell(t.db, OFFERED, sweep.id, 7, false))).code).toBe("not_found");
  });

  it("re-runs the sweep as a new one with another seed, same cells, in the original run order", async () => {
    const { sweep } = await enqueueSweep(t.db, OFFERED, { base, axes: [{ field: "cfg_scale", values: [3, 6] }] });
    const next = await rerunWithSeed(t.db, OFFERED, sweep.id, 7);
    expect(next).toMatchObject({ parentId: sweep.id, seed: 7, cellCount: 2, estimatedCostMicros: 240_000 });
    const runs = (await listSweepJobs(t.db, next.id)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expect(runs.map((j) => [j.seed, j.params.cfg_scale])).toEqual([
      [7, 3],
      [7, 6],
    ]);
  });

  it("refuses another seed when an axis varies the seed, and a cell whose model is no longer offered", async () => {
    const seeds = await enqueueSweep(t.db, OFFERED, { base, axes: [{ field: "seed", values: [1, 2] }] });
    expect((await failure(rerunWithSeed(t.db, OFFERED, seeds.sweep.id, 7))).fields?.[0].field).toBe("seed");
    const [cell] = await listSweepCells(t.db, seeds.sweep.id);
    await t.db.update(jobs).set({ status: "failed", failedAt: new Date() }).where(eq(jobs.id, cell.jobId!));
    const retired: OfferedModel[] = OFFERED.map((m) => (m.definition.id === novaCanvas.id ? { ...m, unavailable: { reason: "Amazon Nova Canvas was retired on 2026-09-30.", since: "2026-09-30" } } : m));
    const e = await failure(rerunCell(t.db, retired, seeds.sweep.id, 0, false));
    expect(e.fields?.[0]).toEqual({ field: "model", message: "Amazon Nova Canvas was retired on 2026-09-30. This cell cannot run again." });
  });
});
