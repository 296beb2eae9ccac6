import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineHandle } from "@/lib/emulator/server";
import { call, download, imagesOf, pngSize, pollJob, runJob, startTestEngine, submit } from "@/lib/emulator/test-helpers";
import { outputSize, type AspectRatio, type SizeScale } from "@/lib/models";

let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

describe("submit → poll → download", () => {
  it("moves queued → processing → completed with rising progress and serves a PNG", async () => {
    // 2 s: the queued phase (first 10%) lasts 200 ms, long enough to be seen on a busy machine.
    const slow = await startTestEngine({ latencyMs: { min: 2000, max: 2000 } });
    try {
      const res = await submit(slow, { prompt: "a red fox", seed: 1 });
      expect(res.status).toBe(202);
      const { job_id, status } = await res.json();
      expect(status).toBe("queued");
      const seen = await pollJob(slow, job_id, 15);
      const statuses = [...new Set(seen.map((s) => s.status))];
      expect(statuses).toEqual(["queued", "processing", "completed"]);
      const progress = seen.map((s) => s.progress);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(1);
      const last = seen.at(-1)!;
      expect(last.completed_at).not.toBeNull();
      expect(Date.parse(last.created_at)).toBeLessThan(Date.parse(last.completed_at!));
      expect(last.error).toBeNull();
      expect(last.result!.data).toHaveLength(1);
      const file = await fetch(last.result!.data[0].url);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("image/png");
      expect(await pngSize(Buffer.from(await file.arrayBuffer()))).toMatchObject({ format: "png", width: 1024, height: 1024 });
    } finally {
      await slow.close();
    }
  });

  const cases: [AspectRatio, SizeScale][] = [
    ["1:1", "large"],
    ["16:9", "small"],
    ["16:9", "large"],
    ["9:16", "small"],
    ["4:1", "small"],
    ["1:4", "large"],
    ["3:2", "large"],
  ];
  it.each(cases)("renders %s %s at the mapped output size", async (aspect_ratio, size_scale) => {
    const [png] = await imagesOf(engine, { prompt: "mountain lake", aspect_ratio, size_scale, seed: 5 });
    expect(await pngSize(png)).toMatchObject(outputSize(aspect_ratio, size_scale));
  });

  it("accepts OpenAI's size when it is a Nova size, and refuses others", async () => {
    const [png] = await imagesOf(engine, { prompt: "wide", size: "1280x320" });
    expect(await pngSize(png)).toMatchObject({ width: 1280, height: 320 });
    const bad = await submit(engine, { prompt: "x", size: "1000x1000" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.param).toBe("size");
  });
});

describe("determinism", () => {
  const body = { prompt: "a blue whale under a starry night", seed: 42, style: "PHOTOREALISM" };

  it("gives byte-identical images for the same request and seed, whatever the key order", async () => {
    const [a] = await imagesOf(engine, body);
    const [b] = await imagesOf(engine, { style: body.style, seed: body.seed, prompt: body.prompt });
    expect(a.equals(b)).toBe(true);
  });

  it("gives another image for another seed", async () => {
    const [a] = await imagesOf(engine, body);
    const [b] = await imagesOf(engine, { ...body, seed: 43 });
    expect(a.equals(b)).toBe(false);
  });

  it("gives number_of_images distinct images, and n is an alias", async () => {
    const images = await imagesOf(engine, { prompt: "three cats", seed: 9, number_of_images: 3 });
    expect(images).toHaveLength(3);
    expect(new Set(images.map((i) => i.toString("base64"))).size).toBe(3);
    const viaN = await imagesOf(engine, { prompt: "three cats", seed: 9, n: 3 });
    expect(viaN.map((i) => i.toString("base64"))).toEqual(images.map((i) => i.toString("base64")));
  });
});

describe("sync", () => {
  it("waits and answers an OpenAI ImagesResponse with URLs or base64", async () => {
    const res = await submit(engine, { prompt: "a green frog", sync: true, number_of_images: 2 });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-job-id")).toMatch(/^job_/);
    const body = await res.json();
    expect(typeof body.created).toBe("number");
    expect(body.data).toHaveLength(2);
    expect(await pngSize(await download(body.data[0].url))).toMatchObject({ format: "png" });

    const b64 = await submit(engine, { prompt: "a green frog", sync: true, response_format: "b64_json" });
    const data = (await b64.json()).data;
    expect(await pngSize(Buffer.from(data[0].b64_json, "base64"))).toMatchObject({ width: 1024, height: 1024 });
  });

  it("refuses b64_json without sync", async () => {
    const res = await submit(engine, { prompt: "x", response_format: "b64_json" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.param).toBe("response_format");
  });
});

describe("validation", () => {
  it("answers 400 with param prompt for a 1025-character prompt", async () => {
    const res = await submit(engine, { prompt: "x".repeat(1025) });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ type: "invalid_request_error", code: "invalid_parameter", param: "prompt" });
    expect(error.message).toMatch(/1024/);
  });

  it("answers model_not_found for a model it does not know", async () => {
    const res = await submit(engine, { model: "dall-e-3", prompt: "x" });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ type: "invalid_request_error", code: "model_not_found", param: "model" });
  });

  it("checks image inputs after the schema, naming the field", async () => {
    const res = await submit(engine, { task_type: "BACKGROUND_REMOVAL", image: "iVBORw0KGgo=" });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ param: "image", message: "image is not a readable image (send a PNG or JPEG)" });
  });

  it("answers 400 for malformed JSON", async () => {
    const res = await call(engine, "/v1/images/generations", { method: "POST", body: "{nope" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_json");
  });
});

describe("lifecycle", () => {
  it("forgets a job after its retention and answers 404", async () => {
    const brief = await startTestEngine({ jobRetentionSeconds: 0.2 });
    try {
      const job = await runJob(brief, { prompt: "short lived" });
      expect(job.status).toBe("completed");
      await new Promise((r) => setTimeout(r, 300));
      const res = await call(brief, `/v1/jobs/${job.job_id}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
      expect((await fetch(job.result!.data[0].url)).status).toBe(404);
    } finally {
      await brief.close();
    }
  });

  it("answers 404 for an unknown job id and a tampered file URL with 403", async () => {
    expect((await call(engine, "/v1/jobs/job_nope")).status).toBe(404);
    const job = await runJob(engine, { prompt: "x" });
    const res = await fetch(job.result!.data[0].url.replace(/sig=[^&]+/, "sig=forged"));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("invalid_signature");
  });
});
