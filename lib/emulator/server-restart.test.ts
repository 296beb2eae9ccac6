import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EngineHandle, EngineOptions } from "@/lib/emulator/server";
import { call, download, pollJob, runJob, startTestEngine, submit, type JobJson } from "@/lib/emulator/test-helpers";
import { b64, scenePng } from "@/lib/emulator/test-images";

/** An engine closed and started again: with a dataDir it answers for its jobs as before. */
let dir: string;
const engines: EngineHandle[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "nova-engine-restart-"));
});
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
  await rm(dir, { recursive: true, force: true });
});

async function start(opts: Partial<EngineOptions>): Promise<EngineHandle> {
  const engine = await startTestEngine({ latencyMs: { min: 100, max: 100 }, ...opts });
  engines.push(engine);
  return engine;
}

/**
 * The same URL on another engine. Each engine gets its own port: a restart on the same port
 * could meet the test client's keep-alive socket to the engine just closed.
 */
function on(engine: EngineHandle, url: string): string {
  const u = new URL(url);
  return engine.url + u.pathname + u.search;
}

async function readJob(engine: EngineHandle, id: string): Promise<{ status: number; body: JobJson }> {
  const res = await call(engine, `/v1/jobs/${id}`);
  return { status: res.status, body: (await res.json()) as JobJson };
}

describe("restart with a dataDir", () => {
  it("answers for finished jobs exactly as before: same JSON, URLs signed before still verify, same bytes", async () => {
    const first = await start({ dataDir: dir });
    const scene = await scenePng(480, 360);
    const done = await runJob(first, { task_type: "IMAGE_VARIATION", images: [b64(scene)], number_of_images: 2, seed: 5 });
    expect(done.status).toBe("completed");
    const before = await Promise.all(done.result!.data.map((d) => download(d.url)));
    await first.close();

    const second = await start({ dataDir: dir });
    const again = await readJob(second, done.job_id);
    expect(again.status).toBe(200);
    // Output URLs carry the host they were asked through; path and signature are the same.
    const moved = done.result!.data.map((d) => ({ url: on(second, d.url) }));
    expect(again.body).toEqual({ ...done, result: { ...done.result, data: moved } });
    const after = await Promise.all(moved.map((d) => download(d.url)));
    after.forEach((png, i) => expect(png.equals(before[i]), `image ${i}`).toBe(true));
  });

  it("lets a job that was running at the restart finish on the clock, with every image", async () => {
    const first = await start({ dataDir: dir });
    const res = await submit(first, { prompt: "still running", number_of_images: 2, seed: 9 }, { "X-Engine-Faults": "latency=2000" });
    expect(res.status).toBe(202);
    const { job_id } = (await res.json()) as { job_id: string };
    expect((await readJob(first, job_id)).body.status).toMatch(/^(queued|processing)$/);
    await first.close();

    const second = await start({ dataDir: dir });
    const finished = (await pollJob(second, job_id)).at(-1)!;
    expect(finished.status).toBe("completed");
    expect(finished.result!.data).toHaveLength(2);
    for (const d of finished.result!.data) expect((await download(d.url)).subarray(1, 4).toString()).toBe("PNG");
  });
});

describe("restart without a dataDir (memory only)", () => {
  it("knows none of the jobs or URLs of the engine before it", async () => {
    const first = await start({});
    const done = await runJob(first, { prompt: "forgotten", seed: 1 });
    await first.close();
    const second = await start({});
    expect((await readJob(second, done.job_id)).status).toBe(404);
    const res = await fetch(on(second, done.result!.data[0].url));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_signature");
  });
});
