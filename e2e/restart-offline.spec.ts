import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { textImageBody, waitForJobStatus, type ApiJob } from "./support/api";
import { expectCompletedOnceAfterRestart } from "./support/restart-checks";
import { startAppServer, type AppServer } from "./support/app-server";
import { E2E, WAIT } from "./support/env";

/**
 * Acceptance (issue 9, finding 13): "Offline mode: SIGKILL mid-job and restart: the job completes
 * (no upstream_lost)". restart.spec.ts does this in gateway mode, where the engine is another
 * process that outlives the app. Here the engine is the app's own built-in one, killed with it:
 * the job survives only because the engine keeps its job table in $DATA_DIR/engine.
 */
const PORT = E2E.ports.ownServers[1];

test("offline mode: a job survives a SIGKILL of the server (and of its built-in engine) and completes", async ({ request }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "nova-e2e-restart-offline-"));
  const serverEnv = {
    DATA_DIR: dataDir,
    EMPIRIOLABS_API_KEY: "",
    ENGINE_API_KEY: "",
    ENGINE_FAULTS: "",
    DATABASE_URL: "",
    // Long enough to kill the server while the job runs; the job's end is on the engine's clock.
    ENGINE_LATENCY_MS: "6000-6000",
    JOB_LEASE_MS: "2000",
    LOG_LEVEL: "info",
  };
  const servers: AppServer[] = [];
  try {
    const first = await startAppServer({ port: PORT, env: serverEnv, timeoutMs: WAIT.serverStart });
    servers.push(first);
    const base = first.url;
    const health = await request.get(`${base}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true, upstream: "offline" });

    const res = await request.post(`${base}/api/jobs`, {
      data: textImageBody({ prompt: "e2e offline restart, a lighthouse at night", number_of_images: 2, seed: 778 }),
      headers: { origin: base },
    });
    expect(res.status(), `POST /api/jobs: ${await res.text()}`).toBe(201);
    const submitted = (await res.json()) as ApiJob;
    const running = await waitForJobStatus(request, submitted.id, ["queued", "processing"], { baseUrl: base });
    expect(running.images).toHaveLength(0);

    await first.kill();
    expect(first.exited()).toBe(true);
    await expect(request.get(`${base}/api/health`, { timeout: 2_000 })).rejects.toThrow();
    // The engine wrote the job down before it answered the submit.
    expect(readdirSync(path.join(dataDir, "engine", "jobs")).filter((f) => f.endsWith(".json"))).toHaveLength(1);

    const second = await startAppServer({ port: PORT, env: serverEnv, timeoutMs: WAIT.serverStart });
    servers.push(second);

    await expectCompletedOnceAfterRestart(request, submitted.id, { first, second }, 2);
    expect(second.logs()).not.toContain("upstream_lost");
  } finally {
    for (const server of servers) await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
