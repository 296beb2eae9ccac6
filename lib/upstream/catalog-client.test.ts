import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import { startEngine, type EngineHandle } from "@/lib/emulator/server";
import { AppError } from "@/lib/errors";
import { novaCanvas } from "@/lib/models";
import { createUpstreamClient, MAX_CATALOG_BYTES, type UpstreamClientOptions } from "./client";

/**
 * listModels / getModelDetail: against the offline engine (the JSON it serves, its auth), and
 * against a scripted server for the failures (retries, caps, redaction).
 */
const KEY = "sk-empiriolabs-catalog-0123456789abcdef";

type Reply = { status: number; body: string | object; headers?: Record<string, string> };
let replies: Reply[] = [];
let seen: http.IncomingHttpHeaders[] = [];
let seenUrls: string[] = [];
let server: http.Server;
let scriptedUrl: string;
let engine: EngineHandle;

beforeAll(async () => {
  engine = await startEngine({ port: 0, apiKey: KEY, latencyMs: { min: 10, max: 20 } });
  server = http.createServer((req, res) => {
    seen.push(req.headers);
    seenUrls.push(req.url ?? "");
    const r: Reply = replies.shift() ?? { status: 500, body: { error: { message: "no reply scripted" } } };
    res.writeHead(r.status, { "content-type": "application/json", connection: "close", ...r.headers });
    res.end(typeof r.body === "string" ? r.body : JSON.stringify(r.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  scriptedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await engine.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function scripted(...r: Reply[]) {
  replies = r;
  seen = [];
  seenUrls = [];
  const sleep = vi.fn<(ms: number) => Promise<void>>(async () => {});
  const opts: UpstreamClientOptions = {
    baseUrl: scriptedUrl,
    apiKey: KEY,
    timeoutMs: 5000,
    sleep,
    random: () => 1,
    backoff: { baseMs: 100, maxMs: 1000 },
    redact: (s) => s.split(KEY).join("[redacted]"),
  };
  return { client: createUpstreamClient(opts), sleep };
}

const caught = (p: Promise<unknown>) => p.then(() => expect.unreachable("resolved"), (e: unknown) => e as AppError);

describe("against the offline engine", () => {
  const client = () => createUpstreamClient({ baseUrl: engine.url, apiKey: KEY, timeoutMs: 5000 });

  it("lists the image models only", async () => {
    expect((await client().listModels()).map((m) => m.id)).toEqual([novaCanvas.id, FLUX_KLEIN_ID, SEEDREAM_LITE_ID]);
  });

  it("reads a model's detail", async () => {
    const { model, ignored } = await client().getModelDetail(SEEDREAM_LITE_ID);
    expect(ignored).toEqual([]);
    expect(model).toMatchObject({ id: SEEDREAM_LITE_ID, imagePriceMicros: 35_000, status: "active" });
  });

  it("submits a catalog model's job and reads its result with the same parser as the first model's", async () => {
    const c = client();
    const { jobId } = await c.submit({ model: FLUX_KLEIN_ID, prompt: "a red kite", num_images: 2, seed: 1 });
    let job = await c.getJob(jobId);
    while (job.status !== "completed" && job.status !== "failed") job = await c.getJob(jobId);
    expect(job.status).toBe("completed");
    expect(job.outputs.map((o) => o.kind)).toEqual(["url", "url"]);
  });

  it("maps an unknown model to not_found, and a wrong key to bad_api_key, without retrying", async () => {
    expect((await caught(client().getModelDetail("no-such-model"))).code).toBe("not_found");
    const wrong = createUpstreamClient({ baseUrl: engine.url, apiKey: "sk-wrong", timeoutMs: 5000 });
    expect((await caught(wrong.listModels())).code).toBe("bad_api_key");
  });
});

describe("against a scripted gateway", () => {
  it("sends the bearer key and encodes the id into the path", async () => {
    const { client } = scripted({ status: 200, body: { id: "a/b", output_modalities: ["image"] } });
    await client.getModelDetail("a/b");
    expect(seen[0].authorization).toBe(`Bearer ${KEY}`);
    expect(seenUrls[0]).toBe("/v1/models/a%2Fb");
  });

  it("retries a 429 after Retry-After and a 503 with backoff, then parses", async () => {
    const { client, sleep } = scripted(
      { status: 429, body: { error: { message: "slow down" } }, headers: { "retry-after": "2" } },
      { status: 503, body: "" },
      { status: 200, body: { data: [{ id: "m", output_modalities: ["image"] }] } },
    );
    expect(await client.listModels()).toEqual([{ id: "m", displayName: "m", description: "", status: "unknown" }]);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([2000, 200]);
  });

  it("retries an answer that is not JSON, and gives up after maxAttempts", async () => {
    const { client } = scripted(...Array.from({ length: 4 }, () => ({ status: 200, body: "<html>" })));
    expect((await caught(client.listModels())).code).toBe("upstream_unavailable");
    expect(seen).toHaveLength(4);
  });

  it("refuses an answer over the cap without retrying", async () => {
    const { client } = scripted({ status: 200, body: `{"data":"${"x".repeat(MAX_CATALOG_BYTES)}"}` });
    const e = await caught(client.listModels());
    expect(e.code).toBe("invalid_request");
    expect(seen).toHaveLength(1);
  });

  it("gives no model when the answer describes another one", async () => {
    const { client } = scripted({ status: 200, body: { id: "other" } });
    expect(await client.getModelDetail("wanted")).toEqual({ model: null, ignored: ['the answer describes "other", not "wanted"'] });
  });

  it("redacts the key from error messages and from the ignored lines", async () => {
    const { client } = scripted(
      { status: 400, body: { error: { message: `bad key ${KEY}`, param: "model" } } },
      { status: 200, body: { id: "m", supported_parameters: [{ name: "p", type: KEY }] } },
    );
    const e = await caught(client.listModels());
    expect(e.code).toBe("upstream_invalid");
    expect(e.message).not.toContain(KEY);
    const { ignored } = await client.getModelDetail("m");
    expect(ignored.join("\n")).not.toContain(KEY);
    expect(ignored[0]).toContain("[redacted]");
  });
});
