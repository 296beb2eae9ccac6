/**
 * Gallery page of 50 at 10,000 images (DESIGN.md §5: p95 ≤ 50 ms, PGlite and PostgreSQL).
 *
 * Measures `listGallery` — the query behind GET /api/gallery — on a database holding 10,000
 * images (2,000 jobs × 5), walking 200 pages at random cursors. It runs at the query level
 * because that is what grows with the gallery; the route adds a constant (JSON, HTTP).
 * PostgreSQL comes from the test harness (Debian's server, started and stopped here).
 *
 *   npx tsx --conditions=react-server bench/gallery-page.ts
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDatabase, type Db } from "@/lib/db/client";
import { listGallery } from "@/lib/db/gallery-queries";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { startPostgres } from "@/lib/testing/postgres-server";
import { percentile } from "./lib/stats";
import { machineLine } from "./lib/print";

const IMAGES = 10_000;
const PER_JOB = 5;
const PAGES = 200;
const BUDGET_P95_MS = 50;

async function seed(db: Db): Promise<void> {
  for (let j = 0; j < IMAGES / PER_JOB; j++) {
    const job = await insertTestJob(db, { prompt: `prompt ${j}` });
    const at = new Date(Date.UTC(2026, 0, 1) + j * 60_000);
    await insertTestImages(db, Array.from({ length: PER_JOB }, (_, i) => testImage(job.id, i, { createdAt: at })));
  }
}

async function measure(db: Db): Promise<number[]> {
  // Collect real cursors by walking the whole gallery once, then time pages at random cursors.
  const cursors: (string | undefined)[] = [undefined];
  for (let c: string | null | undefined = undefined; ; ) {
    const page = await listGallery(db, { cursor: c ?? undefined, limit: 50 });
    if (!page.nextCursor) break;
    cursors.push(page.nextCursor);
    c = page.nextCursor;
  }
  const times: number[] = [];
  for (let i = 0; i < PAGES; i++) {
    const cursor = cursors[Math.floor(Math.random() * cursors.length)];
    const t0 = performance.now();
    await listGallery(db, { cursor, limit: 50 });
    times.push(performance.now() - t0);
  }
  return times;
}

async function run(name: string, open: () => Promise<{ db: Db; close(): Promise<void> }>): Promise<boolean> {
  const handle = await open();
  try {
    const t0 = performance.now();
    await seed(handle.db);
    const seeded = ((performance.now() - t0) / 1000).toFixed(1);
    const times = await measure(handle.db);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    const ok = p95 <= BUDGET_P95_MS;
    console.log(
      `${name}: ${IMAGES} images (seeded in ${seeded} s), ${PAGES} pages of 50 · p50 ${p50.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms · max ${Math.max(...times).toFixed(1)} ms`,
    );
    console.log(`BUDGET gallery page p95 (${name}): ${p95.toFixed(1)} ms (budget ≤ ${BUDGET_P95_MS} ms) ${ok ? "PASS" : "FAIL"}`);
    return ok;
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${machineLine()}`);
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
