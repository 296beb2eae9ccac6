import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import sharp from "sharp";
import { exifBombJpeg, truncatedImage } from "../../lib/testing/hostile-images";
import { mib, readProcessMemory, resetPeakMemory } from "../../lib/testing/process-memory";
import type { ApiErrorBody } from "../support/api";
import { startAppServer, type AppServer } from "../support/app-server";
import { E2E, WAIT } from "../support/env";

/**
 * Issue 9, findings 4 and 9: hostile images sent to POST /api/jobs. The spec runs its own
 * server (offline mode, fresh PGlite) so it knows its pid: the server is one process
 * (scripts/serve.mjs runs Next.js in-process), and /proc/<pid>/status is its memory. Growth =
 * peak (VmHWM, reset before each step where Linux allows) − resident (VmRSS) before the step.
 */
const BUDGET_MIB = 300;

let server: AppServer;
let dataDir: string;
let exifBomb: Buffer;

const dataUrl = (bytes: Buffer, mime: string) => `data:${mime};base64,${bytes.toString("base64")}`;

function postJob(request: APIRequestContext, image: string): Promise<APIResponse> {
  return request.post(`${server.url}/api/jobs`, {
    headers: { origin: server.url },
    data: { task_type: "BACKGROUND_REMOVAL", image },
    timeout: 300_000,
  });
}

/** Runs `step` and returns its result with the server's RSS growth over it, in MiB. */
async function growthOver<T>(step: () => Promise<T>): Promise<{ result: T; growthMiB: number }> {
  resetPeakMemory(server.pid);
  const before = readProcessMemory(server.pid).rssBytes;
  const result = await step();
  return { result, growthMiB: mib(readProcessMemory(server.pid).peakBytes - before) };
}

async function jobCount(request: APIRequestContext): Promise<number> {
  const res = await request.get(`${server.url}/api/jobs?limit=100`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

async function expectRefused(res: APIResponse, message: RegExp): Promise<void> {
  const body = (await res.json()) as ApiErrorBody;
  expect(res.status(), JSON.stringify(body)).toBe(422);
  expect(body.error.fields).toEqual([{ field: "image", message: expect.stringMatching(message) }]);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "nova-e2e-hostile-"));
  [server, exifBomb] = await Promise.all([
    startAppServer({
      port: E2E.ports.ownServers[0],
      env: { DATA_DIR: dataDir, DATABASE_URL: "", EMPIRIOLABS_API_KEY: "", LOG_LEVEL: "warn", ENGINE_LATENCY_MS: "300-600" },
      timeoutMs: WAIT.serverStart,
    }),
    exifBombJpeg(12_000),
  ]);
  // Load the route and sharp once, so what follows measures images, not the server's first request.
  const small = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#336699" } }).png().toBuffer();
  await expectRefused(await postJob(request, dataUrl(small, "image/png")), /^image sides must be at least 320 px/);
});

test.afterAll(async () => {
  await server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const TOO_LARGE = /^image sides must be at most 4096 px \(got 12000×12000\)$/;

test("an EXIF-rotated 12000×12000 JPEG is refused from its header, naming the field and the limit, in < 300 MB", async ({ request }) => {
  test.setTimeout(300_000);
  const jobsBefore = await jobCount(request);
  const { result, growthMiB } = await growthOver(() => postJob(request, dataUrl(exifBomb, "image/jpeg")));
  await expectRefused(result, TOO_LARGE);
  expect(growthMiB, `RSS growth ${growthMiB.toFixed(0)} MiB`).toBeLessThan(BUDGET_MIB);
  expect(await jobCount(request)).toBe(jobsBefore);
});

test("four EXIF bombs at once are each refused, and together grow the server by < 300 MB", async ({ request }) => {
  test.setTimeout(300_000);
  const image = dataUrl(exifBomb, "image/jpeg");
  const { result, growthMiB } = await growthOver(() => Promise.all([1, 2, 3, 4].map(() => postJob(request, image))));
  for (const res of result) await expectRefused(res, TOO_LARGE);
  expect(growthMiB, `RSS growth ${growthMiB.toFixed(0)} MiB`).toBeLessThan(BUDGET_MIB);
});

for (const format of ["png", "jpeg"] as const) {
  test(`a truncated ${format.toUpperCase()} is a 422 naming the field, and no job is created`, async ({ request }) => {
    const jobsBefore = await jobCount(request);
    const cut = await truncatedImage(format, 640, 480, 0.6);
    await expectRefused(await postJob(request, dataUrl(cut, `image/${format}`)), /^image is truncated or corrupt/);
    expect(await jobCount(request)).toBe(jobsBefore);
  });
}

test("the Next.js image optimiser, which would decode stored images outside the decode slots, is off", async ({ request }) => {
  const res = await request.get(`${server.url}/_next/image?url=${encodeURIComponent("/api/health")}&w=64&q=75`);
  expect(res.status()).toBe(404);
});
