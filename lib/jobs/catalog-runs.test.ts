import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJob, getJobImages } from "@/lib/db/job-queries";
import { listJobInputs } from "@/lib/db/input-queries";
import { startEngine, type EngineHandle } from "@/lib/emulator/server";
import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import { ModelsService } from "@/lib/model-catalog/models-service";
import { validateRunRequest } from "@/lib/model-catalog/validate-run-request";
import { novaCanvas } from "@/lib/models";
import { createLocalBlobStore } from "@/lib/storage";
import { dialects, type TestDatabase } from "@/lib/testing/test-databases";
import { createUpstreamClient } from "@/lib/upstream/client";
import { submitRun, type SubmitRuntime } from "@/lib/testing/submit-run";
import { JobTracker } from "./tracker";

/**
 * Runs of the catalog's models end to end, as POST /api/jobs makes them: the catalog read from
 * the real offline engine, the request checked by the definition built from it, the job tracked
 * to the end, each image stored with the model's own price.
 */
const KEY = "sk-catalog-runs";
const pglite = dialects.find((d) => d.dialect === "pglite")!;

describe("runs of catalog models against the offline engine", () => {
  let engine: EngineHandle;
  let database: TestDatabase;
  let blobDir: string;
  let tracker: JobTracker;
  let models: ModelsService;
  let rt: SubmitRuntime & { tracker: JobTracker };

  beforeAll(async () => {
    engine = await startEngine({ port: 0, apiKey: KEY, latencyMs: { min: 100, max: 200 }, rateLimitPerMinute: 100_000 });
    database = await pglite.create();
    blobDir = await mkdtemp(path.join(os.tmpdir(), "catalog-runs-"));
    const client = createUpstreamClient({ baseUrl: engine.url, apiKey: KEY, timeoutMs: 10_000, backoff: { baseMs: 20, maxMs: 100 } });
    tracker = new JobTracker({ db: database.db, client, store: createLocalBlobStore(blobDir), leaseMs: 5000, stuckAfterMs: 60_000, orphanAfterMs: 60_000 });
    models = new ModelsService(client);
    rt = { db: database.db, client, tracker, baseDurationMs: 150 };
  });

  afterAll(async () => {
    await tracker.stop();
    await engine.close();
    await database.close();
    await rm(blobDir, { recursive: true, force: true });
  });

  async function run(body: Record<string, unknown>) {
    const parsed = validateRunRequest(body, await models.offered());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const submitted = await submitRun(rt, parsed.value.model, parsed.value.request);
    for (let i = 0; i < 300; i++) {
      const job = await getJob(database.db, submitted.id);
      if (job && (job.status === "completed" || job.status === "failed")) return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("job did not finish");
  }

  it("offers the three models the engine's catalog lists", async () => {
    expect((await models.offered()).map((m) => [m.definition.id, m.definition.source])).toEqual([
      [novaCanvas.id, "built-in"],
      [FLUX_KLEIN_ID, "catalog"],
      [SEEDREAM_LITE_ID, "catalog"],
    ]);
  });

  it("runs the fast model: each image at $0.0085, the model recorded on the job", async () => {
    const job = await run({ model: FLUX_KLEIN_ID, prompt: "a lighthouse at dusk", number_of_images: 2, seed: 3 });
    expect(job.status).toBe("completed");
    expect(job.model).toBe(FLUX_KLEIN_ID);
    expect(job.params).toMatchObject({ prompt: "a lighthouse at dusk", number_of_images: 2, aspect_ratio: "1:1", seed: 3 });
    const images = await getJobImages(database.db, job.id);
    expect(images.map((i) => [i.width * i.height <= 1_048_576, i.costMicros])).toEqual([
      [true, 8_500],
      [true, 8_500],
    ]);
    expect(job.estimatedCostMicros).toBe(17_000);
    expect(job.actualCostMicros).toBe(17_000);
  });

  it("runs the editing model with a reference image stored as an input: $0.035 an image", async () => {
    const reference = await sharp({ create: { width: 512, height: 512, channels: 3, background: "#2255aa" } }).png().toBuffer();
    const job = await run({ model: SEEDREAM_LITE_ID, prompt: "make it stormy", images: [`data:image/png;base64,${reference.toString("base64")}`] });
    expect(job.status).toBe("completed");
    expect(job.params.images).toEqual([{ input: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(await listJobInputs(database.db, job.id)).toHaveLength(1);
    const images = await getJobImages(database.db, job.id);
    expect(images.map((i) => i.costMicros)).toEqual([35_000]);
    expect(typeof job.seed).toBe("number");
  });

  it("keeps running Nova Canvas requests without `model` as before", async () => {
    const job = await run({ prompt: "a fox", seed: 1 });
    expect(job.model).toBe(novaCanvas.id);
    expect((await getJobImages(database.db, job.id)).map((i) => i.costMicros)).toEqual([120_000]);
  });
});
