import { expect, it } from "vitest";
import { novaCanvas } from "@/lib/models";
import { spendSummary } from "@/lib/db/spend-queries";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";

const NOVA = novaCanvas.id;
const FLUX = "flux-2-klein-4b";
const SEEDREAM = "seedream-5-0-lite";

forEachDialect("spend by model", (t) => {
  it("sums every stored image per model id, most spent first, ties by id; totals agree with the per-task ones", async () => {
    const own = await t.create();
    try {
      const at = new Date("2026-03-10T12:00:00Z");
      const job = async (model: string, taskType = "TEXT_IMAGE") => insertTestJob(own.db, { model, taskType });
      const images = async (jobId: string, costs: number[]) =>
        insertTestImages(own.db, costs.map((costMicros, i) => testImage(jobId, i, { costMicros, createdAt: at })));
      const nova = await job(NOVA);
      await images(nova.id, [40_000, 40_000]);
      const novaInpaint = await job(NOVA, "INPAINTING");
      await images(novaInpaint.id, [80_000]);
      const flux = await job(FLUX);
      await images(flux.id, [8_500, 8_500, 8_500, 8_500]);
      const seedream = await job(SEEDREAM);
      await images(seedream.id, [35_000]);
      // Same spend as seedream: the id breaks the tie. A retired model's id stays as it was stored.
      const retired = await job("zz.retired-model:1");
      await images(retired.id, [35_000]);
      // A job with no stored image (failed, or still running) is not in the spend.
      await job("never-finished-model");

      const s = await spendSummary(own.db, at);
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

  it("is empty with no images", async () => {
    const own = await t.create();
    try {
      expect((await spendSummary(own.db, new Date())).byModel).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
