/**
 * Gallery page of 50 at 10,000 images (DESIGN.md §5: p95 ≤ 50 ms, PGlite and PostgreSQL).
 *
 * Measures `listGallery` — the query behind GET /api/gallery — on a database holding 10,000
 * images (2,000 jobs × 5), walking 200 pages at random cursors. It runs at the query level
 * because that is what grows with the gallery; the route adds a constant (JSON, HTTP).
 * PostgreSQL comes from the test harness (Debian's server, started and stopped here).
 *
 *   npx tsx --conditions=react-server bench/gallery-page.ts
 *
 * With `--storage s3` (issue 13) or `--storage files` it also stores a thumbnail for each of the
 * 10,000 images, in an S3 server (s3rver in a child process, lib/testing/s3-server.ts) or in
 * $DATA_DIR/blobs, and times the thumbnail read through the function GET /api/images/{id}/thumb
 * calls (`readImageFile` → `imageResponse`, body read to the end), one at a time and as a page's
 * 50 thumbnails fetched 6 at a time (a browser's connections per host over HTTP/1.1). Those
 * runs use PostgreSQL, the database an S3 deployment has.
 *
 *   npm run bench:gallery:s3      (= tsx --conditions=react-server bench/gallery-page.ts --storage s3)
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { closeDb, createDatabase, getDb, type Db } from "@/lib/db/client";
import { listGallery } from "@/lib/db/gallery-queries";
import { readImageFile } from "@/lib/gallery/gallery-service";
import { imageResponse } from "@/lib/http/image-response";
import { getBlobStore } from "@/lib/storage";
import { startS3Server, type S3Server } from "@/lib/testing/s3-server";
import type { ImageRow } from "@/lib/db/schema";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { startPostgres } from "@/lib/testing/postgres-server";
import { percentile } from "./lib/stats";
import { machineLine } from "./lib/print";

const IMAGES = 10_000;
const PER_JOB = 5;
const PAGES = 200;
const BUDGET_P95_MS = 50;
const THUMB_READS = 1000;
const THUMB_PAGES = 50;
const BROWSER_CONNECTIONS = 6;

async function seed(db: Db): Promise<ImageRow[]> {
  const rows: ImageRow[] = [];
  for (let j = 0; j < IMAGES / PER_JOB; j++) {
    const job = await insertTestJob(db, { prompt: `prompt ${j}` });
    const at = new Date(Date.UTC(2026, 0, 1) + j * 60_000);
    rows.push(...(await insertTestImages(db, Array.from({ length: PER_JOB }, (_, i) => testImage(job.id, i, { createdAt: at })))));
  }
  return rows;
}

/** Real cursors, from walking the whole gallery once (undefined: the first page). */
async function galleryCursors(db: Db): Promise<(string | undefined)[]> {
  const cursors: (string | undefined)[] = [undefined];
  for (let c: string | null | undefined = undefined; ; ) {
    const page = await listGallery(db, { cursor: c ?? undefined, limit: 50 });
    if (!page.nextCursor) break;
    cursors.push(page.nextCursor);
    c = page.nextCursor;
  }
  return cursors;
}

async function measurePages(db: Db, cursors: (string | undefined)[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < PAGES; i++) {
    const cursor = cursors[Math.floor(Math.random() * cursors.length)];
    const t0 = performance.now();
    await listGallery(db, { cursor, limit: 50 });
    times.push(performance.now() - t0);
  }
  return times;
}

function pageBudgetLine(name: string, times: number[]): boolean {
  const p95 = percentile(times, 95);
  const ok = p95 <= BUDGET_P95_MS;
  console.log(`BUDGET gallery page p95 (${name}): ${p95.toFixed(1)} ms (budget ≤ ${BUDGET_P95_MS} ms) ${ok ? "PASS" : "FAIL"}`);
  return ok;
}

async function run(name: string, open: () => Promise<{ db: Db; close(): Promise<void> }>): Promise<boolean> {
  const handle = await open();
  try {
    const t0 = performance.now();
    await seed(handle.db);
    const seeded = ((performance.now() - t0) / 1000).toFixed(1);
    const times = await measurePages(handle.db, await galleryCursors(handle.db));
    console.log(`${name}: ${IMAGES} images (seeded in ${seeded} s), ${PAGES} pages of 50 · ${spread(times)}`);
    return pageBudgetLine(name, times);
  } finally {
    await handle.close();
  }
}

/** A few distinct 384×384 WebP thumbnails at quality 80 (as lib/images/thumbnail.ts makes them), with photo-like detail. */
async function sampleThumbnails(): Promise<Buffer[]> {
  return Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      sharp({ create: { width: 384, height: 384, channels: 3, background: "#000", noise: { type: "gaussian", mean: 96 + i * 8, sigma: 40 } } })
        .blur(1.2)
        .webp({ quality: 80 })
        .toBuffer(),
    ),
  );
}

/** Runs `fn` over `items`, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** What GET /api/images/{id}/thumb does after the guard: the service call and the whole response body. */
async function serveThumbnail(id: string): Promise<number> {
  const res = imageResponse(await readImageFile(id, "thumb"), false);
  return (await res.arrayBuffer()).byteLength;
}

/**
 * PostgreSQL + thumbnails in S3 (or in files): the page query as above, then thumbnail reads.
 * The app's own getDb() and getBlobStore() are used, configured through the environment as a
 * deployment would be.
 */
async function runWithThumbnails(storage: "s3" | "files"): Promise<boolean> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "nova-bench-gallery-"));
  const pg = await startPostgres();
  let s3: S3Server | undefined;
  try {
    if (storage === "s3") s3 = await startS3Server({ bucket: "nova-bench", separateProcess: true });
    Object.assign(process.env, { DATABASE_URL: pg.url, DATA_DIR: dataDir, LOG_LEVEL: "warn" }, s3?.env ?? {});
    if (storage === "files") delete process.env.S3_BUCKET;
    const name = storage === "s3" ? "postgres + S3 (s3rver)" : "postgres + files";
    const db = await getDb();
    let t0 = performance.now();
    const rows = await seed(db);
    const seededRows = (performance.now() - t0) / 1000;

    const thumbs = await sampleThumbnails();
    const store = getBlobStore();
    await store.checkReady();
    t0 = performance.now();
    await inParallel(rows.map((r, i) => [r.thumbKey, thumbs[i % thumbs.length]] as const), 8, ([key, bytes]) => store.put(key, bytes));
    const seededThumbs = (performance.now() - t0) / 1000;
    const avgKb = thumbs.reduce((n, b) => n + b.length, 0) / thumbs.length / 1024;
    console.log(
      `${name}: ${IMAGES} images (rows seeded in ${seededRows.toFixed(1)} s), ${IMAGES} thumbnails of ~${avgKb.toFixed(0)} KB stored in ${seededThumbs.toFixed(1)} s (8 at a time)`,
    );

    const cursors = await galleryCursors(db);
    const pages = await measurePages(db, cursors);
    console.log(`${name}: ${PAGES} pages of 50 · ${spread(pages)}`);

    const ids = rows.map((r) => r.id);
    const pick = () => ids[Math.floor(Math.random() * ids.length)];
    for (let i = 0; i < 20; i++) await serveThumbnail(pick()); // warm-up: connections, prepared statements
    const single: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < THUMB_READS; i++) {
      const t = performance.now();
      await serveThumbnail(pick());
      single.push(performance.now() - t);
    }
    const cpu = process.cpuUsage(cpu0);
    // This process's CPU (the app's side: query, SDK or file system, stream); s3rver runs in another.
    const cpuMs = (cpu.user + cpu.system) / 1000 / THUMB_READS;
    console.log(`${name}: ${THUMB_READS} thumbnail reads, one at a time · ${spread(single)} · app CPU ${cpuMs.toFixed(2)} ms per read`);

    // A page as a browser loads it: the page query, then its 50 thumbnails over 6 connections.
    const whole: number[] = [];
    const perThumb: number[] = [];
    for (let i = 0; i < THUMB_PAGES; i++) {
      const cursor = cursors[Math.floor(Math.random() * cursors.length)];
      const t = performance.now();
      const page = await listGallery(db, { cursor, limit: 50 });
      await inParallel(page.rows, BROWSER_CONNECTIONS, async (row) => {
        const ts = performance.now();
        await serveThumbnail(row.id);
        perThumb.push(performance.now() - ts);
      });
      whole.push(performance.now() - t);
    }
    console.log(`${name}: ${THUMB_PAGES} pages with their 50 thumbnails (${BROWSER_CONNECTIONS} at a time) · page ${spread(whole)} · each thumbnail ${spread(perThumb)}`);
    console.log(`MEASURE thumbnail read p95 (${name}): ${percentile(single, 95).toFixed(1)} ms one at a time, ${percentile(perThumb, 95).toFixed(1)} ms ${BROWSER_CONNECTIONS} at a time`);
    return pageBudgetLine(name, pages);
  } finally {
    await closeDb();
    await s3?.stop();
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function spread(times: number[]): string {
  return `p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${percentile(times, 95).toFixed(1)} ms · max ${Math.max(...times).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  console.log(`machine: ${machineLine()}`);
  const storageArg = process.argv.indexOf("--storage");
  if (storageArg !== -1) {
    const storage = process.argv[storageArg + 1];
    if (storage !== "s3" && storage !== "files") throw new Error(`--storage takes "s3" or "files", not ${JSON.stringify(storage)}`);
    process.exit((await runWithThumbnails(storage)) ? 0 : 2);
  }
  const migrationsFolder = path.resolve("drizzle");
  const dir = await mkdtemp(path.join(os.tmpdir(), "nova-bench-gallery-"));
  const results: boolean[] = [];
  try {
    results.push(await run("pglite", () => createDatabase({ dataDir: dir, migrationsFolder })));
    const pg = await startPostgres();
    try {
      results.push(await run("postgres", () => createDatabase({ databaseUrl: pg.url, dataDir: dir, migrationsFolder })));
    } finally {
      await pg.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  process.exit(results.every(Boolean) ? 0 : 2);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
