import { afterEach, describe, expect, it } from "vitest";
import type { EngineHandle } from "@/lib/emulator/server";
import { call, KEY, MODEL, runJob, startTestEngine, submit } from "@/lib/emulator/test-helpers";

let engine: EngineHandle | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const post = (e: EngineHandle, headers: Record<string, string>) =>
  fetch(`${e.url}/v1/images/generations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ model: MODEL, prompt: "x" }),
  });

describe("auth", () => {
  it("answers 401 without a bearer key", async () => {
    engine = await startTestEngine();
    const res = await post(engine, {});
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { message: expect.any(String), type: "invalid_request_error", code: "invalid_api_key", param: null },
    });
    expect((await fetch(`${engine.url}/v1/jobs/job_x`)).status).toBe(401);
  });

  it("accepts only the configured key when apiKey is set", async () => {
    engine = await startTestEngine({ apiKey: "sk-right" });
    const wrong = await post(engine, { Authorization: "Bearer sk-wrong" });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(await wrong.json())).not.toContain("sk-");
    expect((await post(engine, { Authorization: "Bearer sk-right" })).status).toBe(202);
  });

  it("protects the fault control endpoint with the same key", async () => {
    engine = await startTestEngine({ apiKey: "sk-right", controlEndpoints: true });
    const put = (headers: Record<string, string>) =>
      fetch(`${engine!.url}/_engine/faults`, { method: "PUT", headers, body: JSON.stringify({ faults: "fail" }) });
    expect((await put({})).status).toBe(401);
    expect((await put({ Authorization: "Bearer sk-wrong" })).status).toBe(401);
    expect((await fetch(`${engine.url}/_engine/faults`, { headers: { Authorization: "Bearer sk-wrong" } })).status).toBe(401);
    expect((await put({ Authorization: "Bearer sk-right" })).status).toBe(200);
  });
});

describe("fault control endpoint (off unless controlEndpoints)", () => {
  it("answers 404 with the right key, exactly as an unknown path does, and setFaults still works", async () => {
    engine = await startTestEngine({ apiKey: KEY });
    const auth = { Authorization: `Bearer ${KEY}` };
    const put = await fetch(`${engine.url}/_engine/faults`, { method: "PUT", headers: auth, body: JSON.stringify({ faults: "fail" }) });
    const get = await fetch(`${engine.url}/_engine/faults`, { headers: auth });
    const unknown = await fetch(`${engine.url}/_engine/nothing`, { method: "PUT", headers: auth });
    for (const res of [put, get, unknown]) {
      expect(res.status).toBe(404);
      expect((await res.json()).error).toMatchObject({ type: "invalid_request_error", code: "not_found" });
    }
    // Without a key either: a 401 would tell a caller that the endpoint exists.
    expect((await fetch(`${engine.url}/_engine/faults`, { method: "PUT" })).status).toBe(404);

    engine.setFaults("fail=set through the handle");
    const job = await runJob(engine, { prompt: "x" });
    expect(job.error?.message).toBe("set through the handle");
  });

  it("cannot be turned on without an api key", async () => {
    await expect(startTestEngine({ controlEndpoints: true })).rejects.toThrow(/controlEndpoints requires apiKey/);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the per-minute limit, per key, polls included", async () => {
    engine = await startTestEngine({ rateLimitPerMinute: 5 });
    const res1 = await submit(engine, { prompt: "x" });
    const { job_id } = await res1.json();
    for (let i = 0; i < 4; i++) expect((await call(engine, `/v1/jobs/${job_id}`)).status).toBe(200);
    const limited = await submit(engine, { prompt: "x" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await limited.json()).error.code).toBe("rate_limit_exceeded");
    // Another key has its own window.
    expect((await post(engine, { Authorization: "Bearer sk-other" })).status).toBe(202);
  });
});

describe("transport", () => {
  it("answers 413 for a body over the limit", async () => {
    engine = await startTestEngine({ maxBodyBytes: 1024 });
    const res = await submit(engine, { prompt: "x", negative_prompt: "y".repeat(5000) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("answers 404 and 405 envelopes for unknown routes and methods", async () => {
    engine = await startTestEngine();
    const missing = await call(engine, "/v1/nothing");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    const wrong = await call(engine, "/v1/images/generations");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("serves a health probe without a key", async () => {
    engine = await startTestEngine();
    const res = await fetch(`${engine.url}/_engine/health`);
    expect(await res.json()).toMatchObject({ ok: true });
  });
});
