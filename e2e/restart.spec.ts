import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { getJob, readGallery, setEngineFaults, submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { startAppServer, type AppServer } from "./support/app-server";
import { E2E, WAIT } from "./support/env";

/**
 * Acceptance: "SIGKILL the server while a job runs and start it again: the job completes and its
 * images appear once". The spec runs its own app server (gateway mode against the standalone
 * engine, whose latency fault keeps the job running long enough to kill the server under it).
 */
/** Not one of playwright.config.ts's own servers or the engine. */
const PORT = E2E.ports.restart;

test("a job survives a SIGKILL of the server and its images are stored once", async ({ request }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "nova-e2e-restart-"));
  const serverEnv = {
    DATA_DIR: dataDir,
    EMPIRIOLABS_API_KEY: E2E.secretKey,
    EMPIRIOLABS_BASE_URL: E2E.engineUrl,
    JOB_LEASE_MS: "2000",
    DATABASE_URL: "",
  };
  const servers: AppServer[] = [];
  try {
    const first = await startAppServer({ port: PORT, env: serverEnv, timeoutMs: WAIT.serverStart });
    servers.push(first);
    const base = first.url;
    const health = await request.get(`${base}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, upstream: "gateway" });

    await setEngineFaults(request, "latency=5000");
    const submitted = await submitJob(
      request,
      textImageBody({ prompt: "e2e restart, an autumn forest", number_of_images: 2, seed: 777 }),
      base,
    );
    const running = await waitForJobStatus(request, submitted.id, ["queued", "processing"], { baseUrl: base });
    expect(running.images).toHaveLength(0);

    await first.kill();
    expect(first.exited()).toBe(true);
    await expect(request.get(`${base}/api/health`, { timeout: 2_000 })).rejects.toThrow();

    const second = await startAppServer({ port: PORT, env: serverEnv, timeoutMs: WAIT.serverStart });
    servers.push(second);

    const done = await waitForJobStatus(request, submitted.id, ["completed"], { baseUrl: base, timeout: 90_000 });
    expect(done.imagesReturned).toBe(2);
    expect(done.images.map((i) => i.index).sort()).toEqual([0, 1]);
    expect(new Set(done.images.map((i) => i.id)).size).toBe(2);

    const gallery = await readGallery(request, base);
    const ofJob = gallery.items.filter((i) => i.jobId === submitted.id);
    expect(ofJob.map((i) => i.id).sort()).toEqual(done.images.map((i) => i.id).sort());
    expect(gallery.items).toHaveLength(2);

    for (const image of done.images) {
      const file = await request.get(`${base}${image.url}`);
      expect(file.status(), image.url).toBe(200);
      expect(file.headers()["content-type"]).toBe("image/png");
    }
    // Read again: the resumed copy did not add rows after "completed".
    expect((await getJob(request, submitted.id, base)).images).toHaveLength(2);

    // The second server finished the job (the tracker logs one line per completion).
    const completedLine = new RegExp(`"event":"job\\.completed","jobId":"${submitted.id}"`);
    expect(first.logs()).not.toMatch(completedLine);
    expect(second.logs()).toMatch(completedLine);

    for (const [i, server] of servers.entries()) {
      const logs = server.logs();
      expect(logs, `server ${i + 1} printed its start-up lines`).toContain(`${PORT}`);
      expect(logs, `server ${i + 1} log`).not.toContain(E2E.secretKey);
    }
  } finally {
    for (const server of servers) await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
    await setEngineFaults(request, "");
  }
});
