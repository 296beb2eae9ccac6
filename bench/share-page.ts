/**
 * Server response time of a shared gallery (issue: "the share page's server response time").
 * No DESIGN.md budget: printed as a measurement.
 *
 * Setup (bench/lib/offline-app.ts): the production build (`next start`, offline mode, fresh
 * DATA_DIR on PGlite, 127.0.0.1 on a free port) with the in-process engine's job latency set to
 * BENCH_ENGINE_LATENCY_MS ("50-100" ms) and its rate limit lifted. Images are made through the
 * app's own API: BENCH_SHARE_IMAGES / 5 jobs (`POST /api/jobs` {prompt, number_of_images: 5},
 * TEXT_IMAGE 1024×1024 by default), each read back with `GET /api/jobs/<id>` every 100 ms
 * until "completed". Then two shares through `POST /api/shares`: all those images (50), and
 * the first image alone; both with showPrompts and showParams on (the fullest page) and expiry
 * "never".
 *
 * Measured by this process, from sending the request to reading the last byte of the body,
 * over keep-alive connections (status 200 and the right content type required; anything else
 * aborts the run):
 * - `GET /s/<token>` (HTML) of each share: BENCH_SHARE_WARMUP (20) warm-up requests, then
 *   BENCH_SHARE_N (200) one at a time, then BENCH_SHARE_N with BENCH_SHARE_CONCURRENCY (10)
 *   in flight. The first warm-up request is shown as "first" (the page's first render in this
 *   server process). Each page view also writes the share's view count; at the end the count
 *   must equal the number of page requests sent, or the run fails.
 * - `GET /s/<token>/t/1` (a stored WebP thumbnail) and `GET /s/<token>/preview.png` (the
 *   1200×630 collage sharp composes on every request: 4 tiles for the 50-image share, 1 for the
 *   other): 2 warm-ups, then BENCH_SHARE_IMAGE_RUNS (20) one at a time.
 * "req/s" is completed requests per second of wall time; "app CPU/req" is the CPU time of the
 * app's process group (`next start` + next-server, from /proc) during the phase divided by its
 * requests (steadier than latency on a shared machine; n/a with BENCH_APP_URL).
 *
 *   npx tsx bench/share-page.ts              (from the project root, after `npx next build`)
 *   BENCH_APP_URL=http://127.0.0.1:3900 npx tsx bench/share-page.ts   (a server already running)
 */
import http from "node:http";
import type { ApiJob, ApiShare } from "@/lib/api-types";
import { groupCpuMs } from "./lib/cpu";
import { keepAliveAgent, request, sleep } from "./lib/http";
import { runEntry } from "./lib/main";
import { startOfflineApp, type OfflineApp } from "./lib/offline-app";
import { benchPrompt, intOption, randomSeed } from "./lib/options";
import { runPool } from "./lib/pool";
import { heading, loadLine, ms, table, type BudgetCheck } from "./lib/print";
import { percentile } from "./lib/stats";

const PER_JOB = 5;
const POLL_MS = 100;
const JOB_LIMIT_MS = 120_000;

interface Fetched {
  ms: number;
  status: number;
  contentType: string;
  body: Buffer;
}

/** GET, timed from the request's start to the body's last byte. */
function timedGet(url: string, agent: http.Agent, accept: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(url, { method: "GET", agent, headers: { accept } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () =>
        resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks) }),
      );
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${url} timed out after 60 s`)));
    req.on("error", reject);
    req.end();
  });
}

interface Target {
  label: string;
  url: string;
  accept: string;
  /** Throws when a response is not what this URL must answer. */
  check(res: Fetched): void;
}

function expectOk(target: Target, res: Fetched, type: string): void {
  if (res.status !== 200) throw new Error(`${target.label}: GET ${target.url} answered ${res.status}: ${res.body.toString("utf8").slice(0, 300)}`);
  if (!res.contentType.startsWith(type)) throw new Error(`${target.label}: content-type ${res.contentType}, expected ${type}`);
  if (res.body.length === 0) throw new Error(`${target.label}: empty body`);
}

interface Phase {
  label: string;
  samples: number[];
  wallMs: number;
  cpuMs: number | null;
  bytes: number;
}

async function phase(app: OfflineApp, target: Target, label: string, count: number, concurrency: number): Promise<Phase> {
  const agent = keepAliveAgent(concurrency);
  try {
    let bytes = 0;
    const cpu0 = groupCpuMs(app.pgid);
    const t0 = performance.now();
    const samples = await runPool(count, concurrency, Date.now() + 10 * 60_000, async () => {
      const res = await timedGet(target.url, agent, target.accept);
      target.check(res);
      bytes = res.body.length;
      return res.ms;
    });
    const wallMs = performance.now() - t0;
    const cpu1 = groupCpuMs(app.pgid);
    return { label, samples, wallMs, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, bytes };
  } finally {
    agent.destroy();
  }
}

/** `count` warm-up requests one at a time; returns the first one's time. */
async function warmUp(target: Target, count: number): Promise<number> {
  const agent = keepAliveAgent(1);
  try {
    let first = Number.NaN;
    for (let i = 0; i < count; i++) {
      const res = await timedGet(target.url, agent, target.accept);
      target.check(res);
      if (i === 0) first = res.ms;
    }
    return first;
  } finally {
    agent.destroy();
  }
}

function row(p: Phase, first: number | null): string[] {
  const n = p.samples.length;
  const cpu = p.cpuMs === null ? "n/a" : ms(p.cpuMs / n);
  return [
    p.label,
    String(n),
    first === null ? "" : ms(first),
    ms(percentile(p.samples, 50)),
    ms(percentile(p.samples, 95)),
    ms(Math.max(...p.samples)),
    ((n * 1000) / p.wallMs).toFixed(1),
    cpu,
    `${(p.bytes / 1024).toFixed(1)} KB`,
  ];
}

const HEADER = ["request", "n", "first", "p50", "p95", "max", "req/s", "app CPU/req", "body"];

// ---- seeding --------------------------------------------------------------------------------

async function makeImages(app: OfflineApp, count: number): Promise<string[]> {
  const agent = keepAliveAgent(8);
  try {
    const jobs = Math.ceil(count / PER_JOB);
    const done = await runPool(jobs, 5, Date.now() + 5 * 60_000, async (i) => {
      const res = await request(`${app.url}/api/jobs`, {
        method: "POST",
        agent,
        body: { prompt: benchPrompt("share page", i), number_of_images: PER_JOB, seed: randomSeed() },
      });
      if (res.status !== 201) throw new Error(`POST /api/jobs answered ${res.status}: ${res.text.slice(0, 300)}`);
      const id = (res.json as ApiJob).id;
      const deadline = Date.now() + JOB_LIMIT_MS;
      while (Date.now() < deadline) {
        await sleep(POLL_MS);
        const got = await request(`${app.url}/api/jobs/${id}`, { agent });
        if (got.status !== 200) throw new Error(`GET /api/jobs/${id} answered ${got.status}: ${got.text.slice(0, 300)}`);
        const job = got.json as ApiJob;
        if (job.status === "completed") return job;
        if (job.status === "failed") throw new Error(`job ${id} failed: ${JSON.stringify(job.error)}`);
      }
      throw new Error(`job ${id} not completed after ${JOB_LIMIT_MS / 1000} s`);
    });
    const ids = done.flatMap((j) => [...j.images].sort((a, b) => a.index - b.index).map((img) => img.id));
    if (ids.length < count) throw new Error(`${jobs} jobs of ${PER_JOB} images returned only ${ids.length} images`);
    return ids.slice(0, count);
  } finally {
    agent.destroy();
  }
}

async function makeShare(app: OfflineApp, imageIds: string[], title: string): Promise<{ share: ApiShare; token: string }> {
  const res = await request(`${app.url}/api/shares`, {
    method: "POST",
    body: { imageIds, title, showPrompts: true, showParams: true, expiry: "never" },
  });
  if (res.status !== 201) throw new Error(`POST /api/shares answered ${res.status}: ${res.text.slice(0, 300)}`);
  const share = res.json as ApiShare;
  const token = /^\/s\/([^/]+)$/.exec(share.path ?? "")?.[1];
  if (!token) throw new Error(`POST /api/shares gave no usable path: ${JSON.stringify(share.path)}`);
  if (share.imageCount !== imageIds.length) throw new Error(`share has ${share.imageCount} images, expected ${imageIds.length}`);
  return { share, token };
}

/** The share's view count, from the owner's list (GET /api/shares). */
async function viewCount(app: OfflineApp, id: string): Promise<number> {
  const res = await request(`${app.url}/api/shares`);
  if (res.status !== 200) throw new Error(`GET /api/shares answered ${res.status}: ${res.text.slice(0, 300)}`);
  const share = (res.json as { items: ApiShare[] }).items.find((s) => s.id === id);
  if (!share) throw new Error(`share ${id} is not in GET /api/shares`);
  return share.viewCount;
}

// ---- targets --------------------------------------------------------------------------------

function pageTarget(app: OfflineApp, token: string, title: string, images: number): Target {
  const target: Target = {
    label: `GET /s/<token> (${images} image${images === 1 ? "" : "s"})`,
    url: `${app.url}/s/${token}`,
    accept: "text/html",
    check(res) {
      expectOk(target, res, "text/html");
      const html = res.body.toString("utf8");
      if (!html.includes(title)) throw new Error(`${target.label}: the title "${title}" is not in the HTML`);
      // Every image's thumbnail URL, 1..images (the RSC payload repeats them: count distinct).
      const seen = new Set([...html.matchAll(new RegExp(`/s/${token}/t/(\\d+)`, "g"))].map((m) => Number(m[1])));
      if (seen.size !== images || !seen.has(1) || !seen.has(images)) {
        throw new Error(`${target.label}: ${seen.size} distinct thumbnail URLs in the HTML, expected ${images}`);
      }
    },
  };
  return target;
}

function thumbTarget(app: OfflineApp, token: string): Target {
  const target: Target = {
    label: "GET /s/<token>/t/1 (thumbnail)",
    url: `${app.url}/s/${token}/t/1`,
    accept: "image/*",
    check: (res) => expectOk(target, res, "image/webp"),
  };
  return target;
}

function previewTarget(app: OfflineApp, token: string, images: number): Target {
  const tiles = Math.min(4, images);
  const target: Target = {
    label: `GET /s/<token>/preview.png (${tiles} tile${tiles === 1 ? "" : "s"})`,
    url: `${app.url}/s/${token}/preview.png`,
    accept: "image/*",
    check(res) {
      expectOk(target, res, "image/png");
      const b = res.body;
      const png = b.length > 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString("latin1", 12, 16) === "IHDR";
      if (!png || b.readUInt32BE(16) !== 1200 || b.readUInt32BE(20) !== 630) throw new Error(`${target.label}: not a 1200×630 PNG`);
    },
  };
  return target;
}

runEntry(async (): Promise<BudgetCheck[]> => {
  const n = intOption("BENCH_SHARE_N", 200);
  const warmups = intOption("BENCH_SHARE_WARMUP", 20, 1, 10_000);
  const concurrency = intOption("BENCH_SHARE_CONCURRENCY", 10, 1, 200);
  const imageRuns = intOption("BENCH_SHARE_IMAGE_RUNS", 20);
  const imageCount = intOption("BENCH_SHARE_IMAGES", 50, 1, 500);
  const latency = process.env.BENCH_ENGINE_LATENCY_MS || "50-100";
  const app = await startOfflineApp("share-page", { ENGINE_LATENCY_MS: latency, ENGINE_RATE_LIMIT_PER_MIN: "1000000" });
  const latencyNote = process.env.BENCH_APP_URL ? "engine latency: the running server's own" : `engine latency ${latency} ms`;
  console.log(`app ${app.url} · database ${app.health.database} · upstream ${app.health.upstream} · ${latencyNote}`);

  const t0 = performance.now();
  const imageIds = await makeImages(app, imageCount);
  const big = await makeShare(app, imageIds, `Benchmark share of ${imageCount} images`);
  const one = await makeShare(app, imageIds.slice(0, 1), "Benchmark share of 1 image");
  console.log(`seeded ${imageIds.length} images (${Math.ceil(imageCount / PER_JOB)} jobs × ${PER_JOB}, 1024×1024 TEXT_IMAGE) and 2 shares (${imageCount} images, 1 image; prompts and parameters shown) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const pageRows: string[][] = [];
  const problems: string[] = [];
  for (const [s, images] of [[big, imageCount], [one, 1]] as const) {
    const target = pageTarget(app, s.token, s.share.title, images);
    const before = await viewCount(app, s.share.id);
    const first = await warmUp(target, warmups);
    const seq = await phase(app, target, `${target.label}, sequential`, n, 1);
    const conc = await phase(app, target, `${target.label}, ${concurrency} concurrent`, n, concurrency);
    pageRows.push(row(seq, first), row(conc, null));
    const views = (await viewCount(app, s.share.id)) - before;
    const sent = warmups + 2 * n;
    if (views !== sent) problems.push(`${target.label}: the share's view count rose by ${views}, but ${sent} page requests were sent`);
  }

  const imageRows: string[][] = [];
  for (const target of [thumbTarget(app, big.token), previewTarget(app, big.token, imageCount), previewTarget(app, one.token, 1)]) {
    const first = await warmUp(target, 2);
    imageRows.push(row(await phase(app, target, target.label, imageRuns, 1), first));
  }

  heading(`share page: server response time (${warmups} warm-up, then ${n} one at a time and ${n} at ${concurrency} concurrent clients)`);
  console.log(`time from sending the request to the body's last byte, keep-alive · ${loadLine()}`);
  table(HEADER, pageRows);
  heading(`share images (2 warm-up, then ${imageRuns} one at a time)`);
  table(HEADER, imageRows);
  console.log(`"first": the first warm-up request. No DESIGN.md budget for these: measurements only.`);
  console.log(`view counts: ${problems.length ? "MISMATCH" : `each share's count rose by exactly the ${warmups + 2 * n} page requests sent`}`);
  console.log(loadLine());
  await app.stop();
  if (problems.length) throw new Error(problems.join("\n"));
  return [];
});
