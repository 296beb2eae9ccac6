import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import type { EngineHandle } from "@/lib/emulator/server";
import { call, download, imagesOf, meanColour, pngSize, pollJob, runJob, startTestEngine, submit } from "@/lib/emulator/test-helpers";
import { dataUrl, meanAbsDiff, pixels, rejection, renderOne, renderSync, solidPng } from "@/lib/emulator/test-images";

/** Jobs for the catalog's other image models: sizes, determinism, looks, editing, validation. */
let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

const flux = (body: Record<string, unknown>) => ({ model: FLUX_KLEIN_ID, ...body });
const seedream = (body: Record<string, unknown>) => ({ model: SEEDREAM_LITE_ID, ...body });

describe("the fast model", () => {
  it("runs async jobs in the usual job shape, num_images images at 1,048,576 px at most", async () => {
    const job = await runJob(engine, flux({ prompt: "a red fox", num_images: 2, seed: 3 }));
    expect(job.status).toBe("completed");
    expect(job.result!.data).toHaveLength(2);
    const pngs = await imagesOf(engine, flux({ prompt: "wide dunes", aspect_ratio: "16:9", seed: 3 }));
    const size = await pngSize(pngs[0]);
    expect(size).toMatchObject({ width: 1360, height: 752 });
    expect(size.width * size.height).toBeLessThanOrEqual(1_048_576);
  });

  it("is deterministic per (prompt, seed, params), ignores negative_prompt, and follows colour words", async () => {
    const base = flux({ prompt: "red lantern", seed: 9 });
    const a = await renderOne(engine, base);
    expect((await renderOne(engine, base)).equals(a)).toBe(true);
    expect((await renderOne(engine, { ...base, negative_prompt: "blurry" })).equals(a)).toBe(true);
    expect((await renderOne(engine, { ...base, seed: 10 })).equals(a)).toBe(false);
    const [r, , b] = await meanColour(a);
    const [r2, , b2] = await meanColour(await renderOne(engine, { ...base, prompt: "blue lantern" }));
    expect(r).toBeGreaterThan(b);
    expect(b2).toBeGreaterThan(r2);
  });

  it("takes resolution instead of aspect_ratio, within the pixel limit", async () => {
    expect(await pngSize(await renderOne(engine, flux({ prompt: "x", resolution: "1024x768" })))).toMatchObject({ width: 1024, height: 768 });
    expect(await rejection(engine, flux({ prompt: "x", resolution: "2048x1024" }))).toMatchObject({ param: "resolution", message: expect.stringMatching(/1,048,576/) });
    expect((await rejection(engine, flux({ prompt: "x", resolution: "1024x768", aspect_ratio: "1:1" }))).param).toBe("resolution");
  });

  it("refuses what its catalog entry does not allow, naming the field and the limit", async () => {
    expect(await rejection(engine, flux({ prompt: "x", num_images: 5 }))).toMatchObject({ code: "invalid_parameter", param: "num_images", message: expect.stringMatching(/1 to 4/) });
    expect(await rejection(engine, flux({ prompt: "x", n: 2, num_images: 3 }))).toMatchObject({ param: "n" });
    expect(await rejection(engine, flux({ prompt: "x", quality: "2K" }))).toMatchObject({ param: "quality", message: expect.stringMatching(/not a parameter/) });
    expect(await rejection(engine, flux({ prompt: "x", aspect_ratio: "5:1" }))).toMatchObject({ param: "aspect_ratio", message: expect.stringMatching(/16:9/) });
    expect(await rejection(engine, flux({ prompt: "x", seed: -1 }))).toMatchObject({ param: "seed" });
    expect(await rejection(engine, flux({}))).toMatchObject({ param: "prompt", message: "prompt is required" });
  });
});

describe("the editing model", () => {
  it("draws text to image at the quality's size", async () => {
    expect(await pngSize(await renderOne(engine, seedream({ prompt: "calm hills", aspect_ratio: "16:9", seed: 4 })))).toMatchObject({ width: 2720, height: 1520 });
    expect(await pngSize(await renderOne(engine, seedream({ prompt: "calm hills", aspect_ratio: "9:21", quality: "3K", seed: 4 })))).toMatchObject({
      width: 2000,
      height: 4656,
    });
  });

  it("edits with reference images: their colours and shapes carry into the output", async () => {
    const green = await solidPng(512, 512, [20, 200, 40]);
    const plain = await renderOne(engine, seedream({ prompt: "a house", seed: 2 }));
    const edited = await renderOne(engine, seedream({ prompt: "a house", seed: 2, image: [dataUrl(green)] }));
    const [r, g, b] = await meanColour(edited);
    expect(g).toBeGreaterThan(r + 40);
    expect(g).toBeGreaterThan(b + 40);
    expect(meanAbsDiff(await pixels(plain), await pixels(edited))).toBeGreaterThan(10);
  });

  it("takes at most 14 references, each an image", async () => {
    const tiny = dataUrl(await solidPng(320, 320, [1, 2, 3]));
    expect(await rejection(engine, seedream({ prompt: "x", image: Array(15).fill(tiny) }))).toMatchObject({ param: "image", message: expect.stringMatching(/1 to 14/) });
    expect(await rejection(engine, seedream({ prompt: "x", image: "not-a-list" }))).toMatchObject({ param: "image" });
    expect((await rejection(engine, seedream({ prompt: "x", image: ["iVBORw0KGgo="] }))).param).toBe("image");
    expect(await rejection(engine, seedream({ prompt: "x", quality: "4K" }))).toMatchObject({ param: "quality", message: expect.stringMatching(/2K, 3K/) });
  });

  it("answers sync requests with several images in the OpenAI shape", async () => {
    const out = await renderSync(engine, seedream({ prompt: "two moons", num_images: 2, seed: 1 }));
    expect(out).toHaveLength(2);
    expect(out[0].png.equals(out[1].png)).toBe(false);
  });
});

describe("three looks", () => {
  it("the same prompt and seed look different on each image model", async () => {
    const body = { prompt: "orange boat on a lake", seed: 6 };
    const pngs = await Promise.all([renderOne(engine, body), renderOne(engine, flux(body)), renderOne(engine, seedream(body))]);
    const small = await Promise.all(pngs.map(async (png) => pixels(await sharp(png).resize(256, 256).png().toBuffer())));
    for (const [i, j] of [[0, 1], [0, 2], [1, 2]]) expect(meanAbsDiff(small[i], small[j])).toBeGreaterThan(15);
  });
});

describe("models the engine does not serve", () => {
  it("refuses the catalog's chat model with a 400 that says it makes no images", async () => {
    const { id: model } = (await (await call(engine, "/v1/models")).json()).data.find((m: { output_modalities: string[] }) => !m.output_modalities.includes("image"));
    expect(await rejection(engine, { model, prompt: "x" })).toMatchObject({ param: "model", message: expect.stringMatching(/does not make images/) });
  });

  it("answers model_unavailable for a retired model, naming it and the date; others still work", async () => {
    const res = await submit(engine, flux({ prompt: "x" }), { "X-Engine-Faults": `retire=${FLUX_KLEIN_ID}@2026-10-01` });
    expect(res.status).toBe(410);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "model_unavailable", param: "model" });
    expect(error.message).toContain(FLUX_KLEIN_ID);
    expect(error.message).toContain("2026-10-01");
    const other = await submit(engine, seedream({ prompt: "x" }), { "X-Engine-Faults": `retire=${FLUX_KLEIN_ID}@2026-10-01` });
    expect(other.status).toBe(202);
  });
});

describe("with a dataDir", () => {
  it("a restarted engine answers for an editing job and renders the same image", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "engine-catalog-"));
    const first = await startTestEngine({ dataDir: dir });
    let second: EngineHandle | undefined;
    try {
      const ref = dataUrl(await solidPng(400, 400, [200, 30, 30]));
      const job = await runJob(first, seedream({ prompt: "a boat", seed: 8, image: [ref] }));
      const before = await download(job.result!.data[0].url);
      await first.close();
      second = await startTestEngine({ dataDir: dir });
      const again = (await pollJob(second, job.job_id)).at(-1)!;
      expect(again.status).toBe("completed");
      const url = new URL(again.result!.data[0].url);
      expect((await download(second.url + url.pathname + url.search)).equals(before)).toBe(true);
    } finally {
      await second?.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
