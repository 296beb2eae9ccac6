import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { expect, test } from "@playwright/test";
import { startS3Server, type S3Server } from "../lib/testing/s3-server";
import { submitJob, textImageBody, waitForJobStatus } from "./support/api";
import { startAppServer, type AppServer } from "./support/app-server";
import { E2E, WAIT } from "./support/env";

/**
 * The production build with S3_BUCKET set, against an S3 server this spec starts (s3rver on
 * loopback): a run's image and thumbnail land in the bucket, not in $DATA_DIR/blobs, and the app
 * streams them back, to its own pages and to a share's visitors, with the usual headers.
 */

const PORT = E2E.ports.ownServers[4];
const url = `http://127.0.0.1:${PORT}`;
let s3: S3Server;
let client: S3Client;
let server: AppServer | undefined;
let dataDir = "";

test.beforeAll(async () => {
  s3 = await startS3Server({ bucket: "nova-e2e" });
  client = new S3Client(s3.clientConfig);
  dataDir = mkdtempSync(path.join(tmpdir(), "nova-e2e-s3-"));
  server = await startAppServer({
    port: PORT,
    env: { DATA_DIR: dataDir, EMPIRIOLABS_API_KEY: "", ENGINE_API_KEY: "", DATABASE_URL: "", LOG_LEVEL: "warn", S3_PREFIX: "e2e/", ...s3.env },
    timeoutMs: WAIT.serverStart,
  });
});

test.afterAll(async () => {
  await server?.kill();
  client?.destroy();
  await s3?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function objectBytes(key: string): Promise<Buffer> {
  const out = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

test("a run's images go to the bucket and are streamed back with the usual headers, to shares too", async ({ request }) => {
  const job = await submitJob(request, textImageBody({ prompt: "e2e s3 storage, a lighthouse" }), url);
  const done = await waitForJobStatus(request, job.id, ["completed"], { baseUrl: url });
  const image = done.images[0];

  const inBucket = {
    file: await objectBytes(`e2e/outputs/${job.id}/0.png`),
    thumb: await objectBytes(`e2e/thumbs/${job.id}/0.webp`),
  };
  expect(existsSync(path.join(dataDir, "blobs")), "nothing under $DATA_DIR/blobs").toBe(false);

  for (const [variant, contentType] of [["file", "image/png"], ["thumb", "image/webp"]] as const) {
    const res = await request.get(`${url}/api/images/${image.id}/${variant}`);
    expect(res.status(), variant).toBe(200);
    const body = await res.body();
    expect(body.equals(inBucket[variant]), `${variant}: the bucket's bytes`).toBe(true);
    // No content-length on the wire: Next 16 drops it from every route handler's response
    // (FORBIDDEN_HEADERS in next/dist/server/send-response.js) and sends chunked, files or S3.
    expect(res.headers()).toMatchObject({
      "content-type": contentType,
      "cache-control": "private, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    });
    expect(res.headers()["content-disposition"]).toMatch(/^inline; filename="nova-[0-9a-f]{8}-1\.(png|webp)"$/);
  }

  const shareRes = await request.post(`${url}/api/shares`, { data: { imageIds: [image.id], title: "From the bucket" }, headers: { origin: url } });
  expect(shareRes.status()).toBe(201);
  const share = (await shareRes.json()) as { path: string };
  const shared = await request.get(`${url}${share.path}/i/1`);
  expect(shared.status()).toBe(200);
  expect((await shared.body()).equals(inBucket.file)).toBe(true);
  expect(shared.headers()).toMatchObject({ "cache-control": "no-store", "content-type": "image/png", "x-content-type-options": "nosniff" });
});
