import { expect, it } from "vitest";
import { novaCanvas } from "@/lib/models";
import { spendSummary } from "@/lib/db/ledger-queries";
import { periodsAt } from "@/lib/time/zoned-periods";
import { insertTestJob, insertTestSettle } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";

const NOVA = novaCanvas.id;
const FLUX = "flux-2-klein-4b";
const SEEDREAM = "seedream-5-0-lite";

forEachDialect("spend by model", (t) => {
  it("sums every settled run per model id, most spent first, ties by id; totals agree with the per-task ones", async () => {
    const own = await t.create();
    try {
      const at = new Date("2026-03-10T12:00:00Z");
      const job = async (model: string, taskType = "TEXT_IMAGE") => insertTestJob(own.db, { model, taskType });
      const settle = async (j: Awaited<ReturnType<typeof job>>, costs: number[]) =>
        insertTestSettle(own.db, j, costs.reduce((a, c) => a + c, 0), at, costs.length);
      await settle(await job(NOVA), [40_000, 40_000]);
      await settle(await job(NOVA, "INPAINTING"), [80_000]);
      await settle(await job(FLUX), [8_500, 8_500, 8_500, 8_500]);
      await settle(await job(SEEDREAM), [35_000]);
      // Same spend as seedream: the id breaks the tie. A retired model's id stays as it was stored.
      await settle(await job("zz.retired-model:1"), [35_000]);
      // A run with no settlement (failed, or still running) is not in the spend.
      await job("never-finished-model");

      const s = await spendSummary(own.db, periodsAt(at, "UTC"));
      expect(s.byModel).toEqual([
        { model: NOVA, micros: 160_000, images: 3 },
        { model: SEEDREAM, micros: 35_000, images: 1 },
        { model: "zz.retired-model:1", micros: 35_000, images: 1 },
        { model: FLUX, micros: 34_000, images: 4 },
      ]);
      expect(s.byModel.reduce((a, m) => a + m.micros, 0)).toBe(s.allTimeMicros);
      expect(s.byModel.reduce((a, m) => a + m.images, 0)).toBe(s.imagesAllTime);
      expect(s.imagesAllTime).toBe(9);
    } finally {
      await own.close();
    }
  });

  it("is empty with no settled runs", async () => {
    const own = await t.create();
    try {
      expect((await spendSummary(own.db, periodsAt(new Date(), "UTC"))).byModel).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
