import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { submitJob, textImageBody, waitForJobStatus } from "../support/api";
import { startAppServer, type AppServer } from "../support/app-server";
import { E2E, WAIT } from "../support/env";

/**
 * Issue 9, findings 11 (files) and 12 (the built-in engine's control endpoint), replayed on a
 * server of this spec's own in the default offline mode: its data folder after real work holds
 * nothing another user could read or write, interrupted writes of an earlier crash are gone,
 * and the engine inside the app answers no fault control, neither with the old fixed key nor
 * with any other.
 */
const PORT = E2E.ports.ownServers[4];
let server: AppServer;
let dataDir: string;
const leftover = "blobs/outputs/crashed-job/.0.png.0123456789ab.tmp";

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "nova-e2e-data-folder-"));
  // What an install made before the rule looked like: a world-writable file, and a temporary
  // file left by a write that a crash cut short.
  mkdirSync(path.join(dataDir, path.dirname(leftover)), { recursive: true });
  writeFileSync(path.join(dataDir, leftover), "half a png");
  writeFileSync(path.join(dataDir, "blobs/old-file"), "x");
  chmodSync(path.join(dataDir, "blobs/old-file"), 0o666);
  server = await startAppServer({ port: PORT, env: { DATA_DIR: dataDir, EMPIRIOLABS_API_KEY: "", ENGINE_API_KEY: "", DATABASE_URL: "", ENGINE_LATENCY_MS: "300-600", LOG_LEVEL: "info" }, timeoutMs: WAIT.serverStart });
});

test.afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

function everything(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? [full, ...everything(full)] : [full];
  });
}

test("after real work the data folder is 0700 and every file in it 0600; the crash's leftovers are gone", async ({ request }) => {
  const job = await submitJob(request, textImageBody({ prompt: "e2e data folder modes", number_of_images: 2 }), server.url);
  const done = await waitForJobStatus(request, job.id, ["completed"], { baseUrl: server.url });
  // A share: rows and a sealed token in the database (the keys live there too, lib/keys).
  const share = await request.post(`${server.url}/api/shares`, { headers: { origin: server.url }, data: { imageIds: [done.images[0].id], title: "e2e modes" } });
  expect(share.status(), await share.text()).toBe(201);
  const entries = [dataDir, ...everything(dataDir)];
  expect(entries.length, "the database, blobs and the engine's jobs are there").toBeGreaterThan(100);
  const open = entries.filter((p) => (statSync(p).mode & 0o077) !== 0).map((p) => `${path.relative(dataDir, p)} ${(statSync(p).mode & 0o777).toString(8)}`);
  expect(open, "files or folders with group or other permissions").toEqual([]);
  for (const sub of ["pglite", "blobs", "engine"]) expect(existsSync(path.join(dataDir, sub)), sub).toBe(true);
  expect(existsSync(path.join(dataDir, leftover))).toBe(false);
});

test("the engine inside the app has no fault endpoint: not with the old fixed key, not with any", async ({ request }) => {
  const engineUrl = /"event":"engine\.started","url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(server.logs())?.[1];
  expect(engineUrl, "the server logs where its engine listens").toBeTruthy();
  expect((await request.get(`${engineUrl}/_engine/health`)).status()).toBe(200);
  for (const key of ["offline-engine-local", "anything"]) {
    const put = await request.put(`${engineUrl}/_engine/faults`, { headers: { authorization: `Bearer ${key}` }, data: { faults: "fail=pwned" } });
    expect(put.status(), key).toBe(404);
  }
  // And a job still completes normally: nothing was injected.
  const job = await submitJob(request, textImageBody({ prompt: "e2e no faults injected" }), server.url);
  expect((await waitForJobStatus(request, job.id, ["completed"], { baseUrl: server.url })).status).toBe("completed");
});
