import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";
import { startPostgres, type PostgresServer } from "../lib/testing/postgres-server";
import { startS3Server, type S3Server } from "../lib/testing/s3-server";
import { PlaygroundPage } from "./pages/playground-page";
import { getJob, setEngineFaults, textImageBody, waitForJobStatus, type ApiJob } from "./support/api";
import { startAppServer, type AppServer } from "./support/app-server";
import { E2E, WAIT } from "./support/env";
import { unique } from "./support/runs";

/**
 * Issue 13's acceptance, as a team running two instances would see it: app instances A and B
 * (`scripts/serve.mjs`, as `npm start` serves) on one PostgreSQL and one S3 server, both
 * started here, in gateway mode against the standalone engine, behind one password.
 *
 * 1. The spending cap holds across instances: 200 runs at once, spread over A and B, against a
 *    $1.00 daily cap at $0.12 a run → exactly 8 accepted.
 * 2. A run submitted on A, A killed with SIGKILL mid-job: B takes the job over when A's lease
 *    runs out and completes it; a browser connected to B sees the run appear (A's notice) and
 *    complete (B's tracker) live; its images are in the bucket and on no disk; a share created
 *    on A opens on B; the session signed in on A works on B.
 */
test.describe.configure({ mode: "serial" });

const PORTS = { a: E2E.ports.ownServers[6], b: E2E.ports.ownServers[7] };
/** Short, so B takes A's job over soon after A dies (the default is 10 s). */
const LEASE_MS = 3000;

let pg: PostgresServer | undefined;
let s3: S3Server | undefined;
const servers: { a?: AppServer; b?: AppServer } = {};
const dataDirs: string[] = [];

function appEnv(label: string): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), `nova-e2e-cluster-${label}-`));
  dataDirs.push(dir);
  return {
    DATA_DIR: dir,
    DATABASE_URL: pg!.url,
    ...s3!.env,
    EMPIRIOLABS_API_KEY: E2E.secretKey,
    EMPIRIOLABS_BASE_URL: E2E.engineUrl,
    PLAYGROUND_PASSWORD: E2E.password,
    JOB_LEASE_MS: String(LEASE_MS),
    UPSTREAM_RPM: "600",
    LOG_LEVEL: "info",
  };
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  [pg, s3] = await Promise.all([startPostgres(), startS3Server({ bucket: "nova-cluster" })]);
  // Together, as a deployment starts them: one migrates while the other waits on the lock.
  [servers.a, servers.b] = await Promise.all([
    startAppServer({ port: PORTS.a, env: appEnv("a"), timeoutMs: WAIT.serverStart }),
    startAppServer({ port: PORTS.b, env: appEnv("b"), timeoutMs: WAIT.serverStart }),
  ]);
});

test.afterAll(async ({ request }) => {
  await setEngineFaults(request, "");
  await Promise.all([servers.a?.kill(), servers.b?.kill()]);
  await Promise.all([s3?.stop(), pg?.stop()]);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

const urlA = () => servers.a!.url;
const urlB = () => servers.b!.url;

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/sign-in?next=%2F`);
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${base}/`);
}

/** POST on one instance with the page's session, saying where it comes from as the page would. */
async function postOn(page: Page, base: string, p: string, data: unknown, method: "POST" | "PUT" = "POST") {
  return page.request.fetch(`${base}${p}`, { method, data, headers: { origin: base } });
}

test("the daily cap holds across instances: 200 runs at once over A and B, $1.00 at $0.12 → exactly 8 accepted", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, urlA());
  const caps = await postOn(page, urlA(), "/api/settings/caps", { dayUsd: 1, monthUsd: null }, "PUT");
  expect(caps.status(), await caps.text()).toBe(200);

  const word = unique();
  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      // Default size and quality: $0.12 a run at most, held at admission.
      postOn(page, i % 2 === 0 ? urlA() : urlB(), "/api/jobs", { task_type: "TEXT_IMAGE", prompt: `e2e cluster cap ${word} ${i}`, seed: i + 1 }).then((r) => r.status()),
    ),
  );
  const count = (status: number) => answers.filter((s) => s === status).length;
  expect({ accepted: count(201), refused: count(402), other: answers.length - count(201) - count(402) }).toEqual({ accepted: 8, refused: 192, other: 0 });

  // Lift the cap for the next test (the eight runs and their spend stay).
  const lifted = await postOn(page, urlB(), "/api/settings/caps", { dayUsd: null, monthUsd: null }, "PUT");
  expect(lifted.status(), await lifted.text()).toBe(200);
});

test("a run submitted on A survives A's SIGKILL: B completes it, live in B's browser; images in the bucket; A's share and session work on B", async ({ page, browser, request }) => {
  test.setTimeout(240_000);
  await signIn(page, urlA());

  // A finished image and a share of it, both made on A.
  const first = await postOn(page, urlA(), "/api/jobs", textImageBody({ prompt: `e2e cluster share ${unique()}` }));
  expect(first.status(), await first.text()).toBe(201);
  const shared = await waitForJobStatus(page.request, ((await first.json()) as ApiJob).id, ["completed"], { baseUrl: urlA(), timeout: WAIT.job });
  const share = await postOn(page, urlA(), "/api/shares", { imageIds: [shared.images[0].id], title: "e2e made on A" });
  expect(share.status(), await share.text()).toBe(201);
  const sharePath = ((await share.json()) as { path: string }).path;

  // The session signed in on A opens B (cookies are per host, not per port), live stream up.
  const onB = await page.context().newPage();
  const playgroundB = new PlaygroundPage(onB);
  await onB.goto(`${urlB()}/`);
  await expect(onB).toHaveURL(`${urlB()}/`);
  await expect(onB.locator("html")).toHaveAttribute("data-live-events", "connected");

  // A slow job, submitted on A: B's page hears of it through PostgreSQL (A published it).
  await setEngineFaults(request, "latency=8000");
  const res = await postOn(page, urlA(), "/api/jobs", textImageBody({ prompt: `e2e cluster takeover ${unique()}`, number_of_images: 2 }));
  expect(res.status(), await res.text()).toBe(201);
  const run = (await res.json()) as ApiJob;
  await expect(playgroundB.jobCard(run.id)).toBeVisible();

  // Once the gateway holds it (A's tracker is polling it), A dies without a word.
  const accepted = /^(queued|processing)$/;
  await expect.poll(async () => (await getJob(page.request, run.id, urlB())).status, { timeout: WAIT.job }).toMatch(accepted);
  expect((await getJob(page.request, run.id, urlB())).status, "still running when A dies").toMatch(accepted);
  await servers.a!.kill();

  // B takes it over when the lease runs out; B's page shows it complete without a reload.
  await expect(playgroundB.jobCard(run.id)).toHaveAttribute("data-status", "completed", { timeout: 90_000 });
  await expect(playgroundB.resultImages(run.id)).toHaveCount(2);
  const done = await getJob(page.request, run.id, urlB());
  expect(done.images).toHaveLength(2);
  const completedLine = new RegExp(`"event":"job\\.completed","jobId":"${run.id}"`);
  expect(servers.b!.logs(), "B completed it").toMatch(completedLine);
  expect(servers.a!.logs(), "A did not").not.toMatch(completedLine);

  // The images are objects in the bucket, and no instance wrote image files to its disk.
  const listed = await new S3Client(s3!.clientConfig).send(new ListObjectsV2Command({ Bucket: s3!.bucket, Prefix: `outputs/${run.id}/` }));
  expect((listed.Contents ?? []).length, "objects of the run in the bucket").toBeGreaterThanOrEqual(2);
  for (const dir of dataDirs) expect(filesUnder(path.join(dir, "blobs")), `image files under ${dir}`).toEqual([]);
  for (const image of done.images) {
    const file = await onB.request.get(`${urlB()}${image.url}`);
    expect(file.status(), image.url).toBe(200);
    expect(file.headers()["content-type"]).toBe("image/png");
  }

  // A's share opens on B for a visitor with no session.
  const visitor = await browser.newContext();
  try {
    const v = await visitor.newPage();
    expect((await v.goto(`${urlB()}${sharePath}`))?.status()).toBe(200);
    await expect(v.getByTestId("share-grid").getByRole("img")).toHaveCount(1);
    expect((await v.request.get(`${urlB()}${sharePath}/i/1`)).status()).toBe(200);
  } finally {
    await visitor.close();
  }
});

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
}
