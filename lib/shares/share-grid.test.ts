import { beforeEach, expect, it } from "vitest";
import { listSweepCells, listSweepJobs } from "@/lib/db/sweep-queries";
import { AppError } from "@/lib/errors";
import type { OfferedModel } from "@/lib/model-catalog/offered-models";
import { novaCanvas } from "@/lib/models";
import { enqueueSweep } from "@/lib/sweeps/enqueue-sweep";
import { FLUX_ID, TEST_MODELS } from "@/lib/sweeps/test-models";
import { emptyTables, insertTestImages, testImage } from "@/lib/testing/db-fixtures";
import { setTestEnv } from "@/lib/testing/test-env";
import { forPglite } from "@/lib/testing/test-databases";
import { sharedGrid, sweepImageIds } from "./share-grid";

const OFFERED: OfferedModel[] = TEST_MODELS.map((definition) => ({ definition, catalog: null, unavailable: null }));
const base = { model: novaCanvas.id, task_type: "TEXT_IMAGE", prompt: "a red fox", seed: 1 };

forPglite("sweep shares", (t) => {
  beforeEach(async () => {
    await emptyTables(t.db, ["spend_ledger", "sweep_cells", "sweeps", "images", "jobs"]);
    setTestEnv({ SPEND_CAP_DAY_USD: undefined, SPEND_CAP_MONTH_USD: undefined, TZ: "UTC" });
  });

  it("shares a sweep's images cell by cell and lays them on its grid, a cell without an image left empty", async () => {
    const { sweep } = await enqueueSweep(t.db, OFFERED, { base, axes: [{ field: "model", values: [novaCanvas.id, FLUX_ID] }, { field: "prompt", search: "red", values: ["red", "arctic"] }] });
    const cells = await listSweepCells(t.db, sweep.id);
    // Cells 0, 1 and 3 finished (cell 3 with two images); cell 2 has none.
    const jobOf = (position: number) => cells.find((c) => c.position === position)!.jobId!;
    const made = await insertTestImages(t.db, [testImage(jobOf(3), 1), testImage(jobOf(0), 0), testImage(jobOf(3), 0), testImage(jobOf(1), 0)]);
    const ids = await sweepImageIds(t.db, sweep.id);
    expect(ids).toEqual([made[1].id, made[3].id, made[2].id, made[0].id]);

    const hidden = await sharedGrid(t.db, sweep.id, ids, { showPrompts: false, modelName: (id) => (id === FLUX_ID ? "FLUX.2 [klein] 4B" : "Amazon Nova Canvas") });
    expect(hidden).toEqual({
      axes: [
        { label: "Model", values: ["Amazon Nova Canvas", "FLUX.2 [klein] 4B"] },
        { label: "Prompt", values: ["Prompt 1", "Prompt 2"] },
      ],
      shape: [2, 2, 1],
      cells: [
        { x: 0, y: 0, z: 0, n: 1 },
        { x: 1, y: 0, z: 0, n: 2 },
        { x: 0, y: 1, z: 0, n: null },
        { x: 1, y: 1, z: 0, n: 3 },
      ],
    });
    const shown = await sharedGrid(t.db, sweep.id, ids, { showPrompts: true, modelName: (id) => id });
    expect(shown!.axes[1].values).toEqual(["red", "arctic"]);
  });

  it("refuses a sweep with no images yet, or no sweep, naming sweepId", async () => {
    const { sweep } = await enqueueSweep(t.db, OFFERED, { base, axes: [{ field: "seed", values: [1, 2] }] });
    expect(await listSweepJobs(t.db, sweep.id)).toHaveLength(2);
    for (const id of [sweep.id, "6f9619ff-8b86-4d11-b42d-00c04fc964ff"]) {
      const e = await sweepImageIds(t.db, id).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).fields?.[0].field).toBe("sweepId");
    }
  });
});
