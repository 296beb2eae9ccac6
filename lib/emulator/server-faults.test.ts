import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EngineHandle } from "@/lib/emulator/server";
import { call, KEY, runJob, startTestEngine, submit } from "@/lib/emulator/test-helpers";

let engine: EngineHandle;
beforeAll(async () => {
  // The control endpoint is tested here too, and it exists only with a key and the option.
  engine = await startTestEngine({ apiKey: KEY, controlEndpoints: true });
});
beforeEach(() => engine.setFaults(""));
afterAll(() => engine.close());

const H = (spec: string) => ({ "X-Engine-Faults": spec });

describe("per-job faults (X-Engine-Faults header)", () => {
  it("latency=MS lengthens the job", async () => {
    const started = Date.now();
    const job = await runJob(engine, { prompt: "x" }, H("latency=300"));
    expect(job.status).toBe("completed");
    expect(Date.parse(job.completed_at!) - Date.parse(job.created_at)).toBeGreaterThanOrEqual(350);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it("fail=MESSAGE fails the job with generation_failed", async () => {
    const job = await runJob(engine, { prompt: "x" }, H("fail=GPU on fire"));
    expect(job).toMatchObject({ status: "failed", result: null, error: { code: "generation_failed", message: "GPU on fire" } });
  });

  it("block=N returns fewer images, and all blocked fails with content_filtered", async () => {
    const partial = await runJob(engine, { prompt: "x", number_of_images: 3 }, H("block=2"));
    expect(partial.status).toBe("completed");
    expect(partial.result!.data).toHaveLength(1);
    const all = await runJob(engine, { prompt: "x", number_of_images: 2 }, H("block=2"));
    expect(all).toMatchObject({ status: "failed", error: { code: "content_filtered" } });
  });

  it("poll429=N / poll500=N fail the first N reads of the job", async () => {
    const res = await submit(engine, { prompt: "x" }, H("poll429=2;poll500=1;retry_after=3"));
    const { job_id } = await res.json();
    const first = await call(engine, `/v1/jobs/${job_id}`);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("3");
    expect((await call(engine, `/v1/jobs/${job_id}`)).status).toBe(429);
    const third = await call(engine, `/v1/jobs/${job_id}`);
    expect(third.status).toBe(500);
    expect((await third.json()).error.type).toBe("server_error");
    expect((await call(engine, `/v1/jobs/${job_id}`)).status).toBe(200);
  });

  it("expire makes the output URLs expired (403 url_expired)", async () => {
    const job = await runJob(engine, { prompt: "x" }, H("expire"));
    const res = await fetch(job.result!.data[0].url);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("url_expired");
  });

  it("rejects a malformed fault header with 400", async () => {
    const res = await submit(engine, { prompt: "x" }, H("explode=1"));
    expect(res.status).toBe(400);
    expect((await res.json()).error.param).toBe("X-Engine-Faults");
  });
});

describe("engine-wide submit faults", () => {
  it("submit429=N answers the next N submits with 429 and Retry-After, then recovers", async () => {
    engine.setFaults("submit429=2;retry_after=4");
    for (let i = 0; i < 2; i++) {
      const res = await submit(engine, { prompt: "x" });
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("4");
    }
    expect((await submit(engine, { prompt: "x" })).status).toBe(202);
  });

  it("submit500=N answers 500 envelopes", async () => {
    engine.setFaults("submit500=1");
    const res = await submit(engine, { prompt: "x" });
    expect(res.status).toBe(500);
    expect((await res.json()).error).toMatchObject({ type: "server_error" });
    expect((await submit(engine, { prompt: "x" })).status).toBe(202);
  });

  it("submit402=N answers insufficient credits", async () => {
    engine.setFaults("submit402=1");
    const res = await submit(engine, { prompt: "x" });
    expect(res.status).toBe(402);
    expect((await res.json()).error.code).toBe("insufficient_credits");
  });

  it("a header's submit counter arms once per distinct header value, so retries get through", async () => {
    expect((await submit(engine, { prompt: "x" }, H("submit500=1"))).status).toBe(500);
    expect((await submit(engine, { prompt: "x" }, H("submit500=1"))).status).toBe(202);
    expect((await submit(engine, { prompt: "x" }, H("submit500=1;tag=again"))).status).toBe(500);
  });

  it("PUT /_engine/faults sets the spec for every job, and the ENGINE_FAULTS option does too", async () => {
    const put = await call(engine, "/_engine/faults", { method: "PUT", json: { faults: "fail=down for maintenance" } });
    expect(put.status).toBe(200);
    expect((await put.json()).faults).toEqual({ fail: "down for maintenance" });
    expect((await runJob(engine, { prompt: "x" })).error?.message).toBe("down for maintenance");
    const bad = await call(engine, "/_engine/faults", { method: "PUT", json: { faults: "latency=soon" } });
    expect(bad.status).toBe(400);

    const configured = await startTestEngine({ faults: "block=1" });
    try {
      const job = await runJob(configured, { prompt: "x", number_of_images: 2 });
      expect(job.result!.data).toHaveLength(1);
    } finally {
      await configured.close();
    }
  });

  it("a sync job that fails answers an error envelope", async () => {
    engine.setFaults("fail=nope");
    const res = await submit(engine, { prompt: "x", sync: true });
    expect(res.status).toBe(500);
    expect((await res.json()).error).toMatchObject({ code: "generation_failed", message: "nope" });
    engine.setFaults("block=1");
    const filtered = await submit(engine, { prompt: "x", sync: true });
    expect(filtered.status).toBe(400);
    expect((await filtered.json()).error.code).toBe("content_filtered");
  });

  it("never needs the key in a URL", () => {
    expect(engine.url).not.toContain(KEY);
  });
});
