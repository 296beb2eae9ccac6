/**
 * Seeds N gallery images (default 10,000) into a data folder, for scale tests of /gallery
 * (e2e/gallery-scale.spec.ts) and for trying the gallery by hand:
 *
 *   DATA_DIR=<dir> npx tsx --conditions=react-server scripts/seed-gallery.ts [N]
 *
 * Run it while no app server uses the folder: PGlite is one process's database (a running server
 * holds it open). With DATABASE_URL set it seeds that PostgreSQL database instead, through the
 * same `createDatabase` (which applies the migrations first). Rows are added to whatever is
 * already there; the summary prints the totals.
 *
 * What it writes, all through the app's own modules (lib/db, lib/storage, lib/images):
 * - ONE real 64×64 PNG and ONE real WebP thumbnail of it (made by the app's `makeThumbnail`),
 *   stored once in the blob store; every image row's blobKey/thumbKey points at those two blobs.
 *   Writing 10,000 distinct files (each fsynced by the local store) would take far longer and
 *   prove nothing more: the scroll test needs real, loadable thumbnails, not distinct ones.
 *   (Deleting a seeded job would delete the shared blobs only if the app deleted blobs by job,
 *   which it does not; the rows are for viewing.)
 * - Completed jobs of 5 images each, inserted in multi-row batches of ~500 rows in one
 *   transaction (all or nothing). Image number n = 1…N, n = 1 the newest: created_at values are
 *   distinct and descending over the last 60 days.
 * - Task types cycle over the 7 TASK_TYPES (per job); costs cycle 40,000 / 80,000 / 120,000
 *   micro-dollars (per image); every 97th image is a favourite.
 * - Prompts are `seeded image <n> <word>`, n being the job's first image. The prompt belongs to
 *   the job, so every 1000th image gets a job of its own whose prompt contains "needle": a search
 *   for "needle" finds exactly floor(N / 1000) images (no other prompt contains the word).
 *
 * bench/gallery-page.ts seeds 10,000 images too, but one job per INSERT with fake blob keys
 * (its query benchmark never reads a file); this script needs loadable files and batches, so it
 * writes its rows directly with the schema instead of the bench's test fixtures.
 */
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { createDatabase } from "@/lib/db/client";
import { images, jobs, type NewImageRow, type NewJobRow } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { sha256Hex } from "@/lib/images/hash";
import { makeThumbnail } from "@/lib/images/thumbnail";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";
import { TASK_TYPES } from "@/lib/models/task-types";
import { getBlobStore } from "@/lib/storage";
import { count, sql } from "drizzle-orm";

const DEFAULT_COUNT = 10_000;
const PER_JOB = 5;
const BATCH_ROWS = 500;
const SPAN_MS = 60 * 24 * 3600 * 1000;
const COSTS = [40_000, 80_000, 120_000] as const;
const NEEDLE_EVERY = 1000;
const FAVORITE_EVERY = 97;
const SIDE = 64;
/** None of these contains "needle", so only the needle prompts match a search for it. */
const WORDS = ["lighthouse", "harbour", "forest", "meadow", "glacier", "canyon", "orchard", "skyline", "desert", "lagoon", "volcano", "prairie"];
const BLOB_KEY = "seed/gallery-64.png";
const THUMB_KEY = "seed/gallery-64-thumb.webp";

const MIGRATIONS = fileURLToPath(new URL("../drizzle", import.meta.url));

class UsageError extends Error {}

function parseCount(arg: string | undefined): number {
  if (arg === undefined) return DEFAULT_COUNT;
  const n = Number(arg);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new UsageError(`usage: DATA_DIR=<dir> npx tsx --conditions=react-server scripts/seed-gallery.ts [N]; N must be a whole number from 1 to 1,000,000 (got ${JSON.stringify(arg)})`);
  }
  return n;
}

/** A small real PNG: a colour gradient, so the thumbnails are visibly images. */
async function makePng(): Promise<Buffer> {
  const raw = Buffer.alloc(SIDE * SIDE * 3);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const o = (y * SIDE + x) * 3;
      raw[o] = Math.round((x / (SIDE - 1)) * 255);
      raw[o + 1] = Math.round((y / (SIDE - 1)) * 255);
      raw[o + 2] = 160;
    }
  }
  return sharp(raw, { raw: { width: SIDE, height: SIDE, channels: 3 } }).png().toBuffer();
}

interface Plan {
  jobs: NewJobRow[];
  images: NewImageRow[];
}

/** All rows, built in memory first (ids made here, so jobs and images insert without RETURNING). */
function plan(total: number, file: { sha256: string; byteSize: number }, now: number): Plan {
  const step = Math.max(1, Math.floor(SPAN_MS / total));
  const at = (n: number) => new Date(now - n * step);
  const out: Plan = { jobs: [], images: [] };

  const addJob = (numbers: number[], needle: boolean) => {
    if (numbers.length === 0) return;
    const j = out.jobs.length;
    const id = randomUUID();
    const first = numbers[0];
    const last = numbers[numbers.length - 1];
    const taskType = TASK_TYPES[j % TASK_TYPES.length];
    const prompt = `seeded image ${first} ${needle ? "needle" : WORDS[j % WORDS.length]}`;
    const quality = j % 2 === 0 ? "standard" : "premium";
    const costs = numbers.map((n) => COSTS[(n - 1) % COSTS.length]);
    const jobCost = costs.reduce((a, b) => a + b, 0);
    // The job started a little before its oldest image and finished with its newest.
    const started = new Date(at(last).getTime() - 10_000);
    const finished = at(first);
    out.jobs.push({
      id,
      model: novaCanvas.id,
      taskType,
      status: "completed",
      params: { task_type: taskType, model: novaCanvas.id, prompt, quality, number_of_images: numbers.length, seed: first },
      prompt,
      seed: first,
      imagesRequested: numbers.length,
      imagesReturned: numbers.length,
      estimatedCostMicros: jobCost,
      actualCostMicros: jobCost,
      progress: 1,
      createdAt: started,
      submittedAt: started,
      queuedAt: started,
      processingAt: started,
      completedAt: finished,
      updatedAt: finished,
    });
    numbers.forEach((n, index) => {
      out.images.push({
        jobId: id,
        index,
        seed: n,
        width: SIDE,
        height: SIDE,
        contentType: "image/png",
        blobKey: BLOB_KEY,
        thumbKey: THUMB_KEY,
        byteSize: file.byteSize,
        sha256: file.sha256,
        costMicros: costs[index],
        favorite: n % FAVORITE_EVERY === 0,
        createdAt: at(n),
      });
    });
  };

  let group: number[] = [];
  for (let n = 1; n <= total; n++) {
    if (n % NEEDLE_EVERY === 0) {
      // The prompt is the job's: a needle image gets a job of its own so the search finds it alone.
      addJob(group, false);
      group = [];
      addJob([n], true);
      continue;
    }
    group.push(n);
    if (group.length === PER_JOB) {
      addJob(group, false);
      group = [];
    }
  }
  addJob(group, false);
  return out;
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function main(): Promise<void> {
  const total = parseCount(process.argv[2]);
  const e = env();
  const t0 = performance.now();

  const png = await makePng();
  const thumb = await makeThumbnail(png, SIDE * SIDE);
  const meta = await sharp(thumb).metadata();
  if (meta.format !== "webp") throw new Error(`thumbnail is ${meta.format}, expected webp`);
  const store = getBlobStore();
  await store.put(BLOB_KEY, png);
  await store.put(THUMB_KEY, thumb);

  const handle = await createDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR, migrationsFolder: MIGRATIONS });
  const tOpen = performance.now();
  try {
    const rows = plan(total, { sha256: sha256Hex(png), byteSize: png.length }, Date.now());
    await handle.db.transaction(async (tx) => {
      for (const batch of chunks(rows.jobs, BATCH_ROWS)) await tx.insert(jobs).values(batch);
      for (const batch of chunks(rows.images, BATCH_ROWS)) await tx.insert(images).values(batch);
    });
    const tEnd = performance.now();
    const secs = (a: number, b: number) => ((b - a) / 1000).toFixed(1);

    const [all] = await handle.db
      .select({
        images: count(),
        favorites: sql<number>`count(*) filter (where ${images.favorite})`.mapWith(Number),
      })
      .from(images);
    const [jobCount] = await handle.db.select({ jobs: count() }).from(jobs);
    const needles = rows.jobs.filter((j) => j.prompt?.includes("needle")).length;
    const favorites = rows.images.filter((i) => i.favorite).length;
    const where = handle.dialect === "pglite" ? `PGlite in ${e.DATA_DIR}` : "PostgreSQL (DATABASE_URL)";
    console.log(`seeded ${rows.images.length} images in ${rows.jobs.length} jobs into ${where} in ${secs(t0, tEnd)} s (blobs and database open/migrate ${secs(t0, tOpen)} s, row inserts ${secs(tOpen, tEnd)} s)`);
    console.log(`  "needle" images: ${needles} · favourites: ${favorites} · task types: ${TASK_TYPES.length} · blobs: 2 (${png.length} B PNG, ${thumb.length} B WebP)`);
    console.log(`  database now holds ${all.images} images (${all.favorites} favourites) in ${jobCount.jobs} jobs`);
  } finally {
    await handle.close();
  }
}

main().catch((e) => {
  console.error(e instanceof UsageError ? e.message : e);
  process.exit(1);
});
