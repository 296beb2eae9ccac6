import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { setEngineFaults, submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { expectCompletedOnceAfterRestart } from "./support/restart-checks";
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

    await expectCompletedOnceAfterRestart(request, submitted.id, { first, second }, 2);

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
