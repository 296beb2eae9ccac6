import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { newSessionValue, sessionIdHash } from "@/lib/auth/session";
import { createDatabase, type Db } from "@/lib/db/client";
import { listGallery, type GalleryRow } from "@/lib/db/gallery-queries";
import { linkJobInputs, upsertInput } from "@/lib/db/input-queries";
import { listLedger, spendSummary, type SpendRow } from "@/lib/db/ledger-queries";
import { imageLineage } from "@/lib/db/lineage-queries";
import { recordPromptUse } from "@/lib/db/prompt-queries";
import { images, jobs, spendLedger, sweepCells, sweeps, upstreamBlocks, upstreamRequestCounts, type ImageRow, type LedgerRow } from "@/lib/db/schema";
import { writeSetting } from "@/lib/db/settings-queries";
import { insertSession } from "@/lib/db/session-queries";
import { insertShare } from "@/lib/db/share-queries";
import { env } from "@/lib/env";
import { novaCanvas } from "@/lib/models";
import { setServerKeysForTests } from "@/lib/keys/server-keys";
import { hashShareToken, newShareToken } from "@/lib/shares/share-token";
import { sealToken } from "@/lib/shares/token-seal";
import { createLocalBlobStore } from "@/lib/storage";
import { periodsAt } from "@/lib/time/zoned-periods";

/**
 * An embedded install as a person would leave it, for the move's tests and benchmark
 * (lib/move): PGlite in `$DATA_DIR/pglite`, real image files in `blobs/`, keys in `secrets/`
 * (as installs kept them before lib/keys moved them into the database),
 * and a row in every table: completed runs with distinct PNG outputs and WebP thumbnails, a
 * waiting run holding its estimate, a failed one, a sweep with a dropped cell, an input made from
 * one of our images (lineage) and an uploaded one, two share links (sealed with the install's
 * key), a signed-in session, a spending cap, prompt history, the request budget's rows, and a
 * file nothing refers to.
 *
 * DATA_DIR must point at `dataDir`: the keys are made and used by the app's own code, which
 * reads them from there. No vitest imports (the benchmark uses it too).
 */
export interface SeededInstall {
  dataDir: string;
  password: string;
  /** The share links' tokens, as visitors hold them. */
  shareTokens: string[];
  /** A signed-in browser's cookie value (nova_session). */
  sessionCookie: string;
  /** An image made from another of ours: its job took `parentImageId` as input. */
  childImageId: string;
  parentImageId: string;
  /** Files written to blobs/. */
  blobs: number;
}

export interface InstallOptions {
  /** Output images of the completed runs, 5 to a run. */
  images: number;
}

const MIGRATIONS = fileURLToPath(new URL("../../drizzle", import.meta.url));
const PER_JOB = 5;
const PASSWORD = "correct horse battery staple";
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

export async function seedEmbeddedInstall(dataDir: string, opts: InstallOptions): Promise<SeededInstall> {
  if (path.resolve(env().DATA_DIR) !== path.resolve(dataDir)) throw new Error(`seedEmbeddedInstall: DATA_DIR is ${env().DATA_DIR}, not ${dataDir}`);
  const handle = await createDatabase({ dataDir, migrationsFolder: MIGRATIONS });
  const store = createLocalBlobStore(path.join(dataDir, "blobs"));
  let blobs = 0;
  const put = async (key: string, bytes: Buffer) => {
    await store.put(key, bytes);
    blobs++;
  };
  try {
    await writeKeyFiles(dataDir);
    const db = handle.db;
    const [sweep] = await db
      .insert(sweeps)
      .values({ title: "cfg × style", base: { prompt: "a harbour" }, axes: [{ field: "cfg_scale", values: [4, 8] }], seed: 2 ** 40 + 7, cellCount: 3, estimatedCostMicros: 360_000 })
      .returning();

    const made: ImageRow[] = [];
    for (let j = 0; j * PER_JOB < opts.images; j++) {
      const count = Math.min(PER_JOB, opts.images - j * PER_JOB);
      const at = new Date(T0 + j * 61_000);
      const prompt = `harbour at dawn ${j}`;
      const [job] = await db
        .insert(jobs)
        .values({
          model: novaCanvas.id,
          taskType: "TEXT_IMAGE",
          status: "completed",
          params: { prompt, negative_prompt: j % 2 ? "fog" : undefined, quality: j % 3 ? "standard" : "premium", cfg_scale: 6.5, seed: j },
          prompt,
          seed: 2 ** 40 + j,
          imagesRequested: count,
          imagesReturned: count,
          progress: 1,
          estimatedCostMicros: 40_000 * count,
          actualCostMicros: 40_000 * count,
          createdAt: at,
          completedAt: new Date(at.getTime() + 4_321),
          sweepId: j < 2 ? sweep.id : null,
        })
        .returning();
      const rows = [];
      for (let i = 0; i < count; i++) {
        const n = j * PER_JOB + i;
        const png = await distinctPng(n);
        const thumb = await sharp(png).resize(8, 8).webp().toBuffer();
        const blobKey = `outputs/${job.id}/${i}.png`;
        const thumbKey = `thumbs/${job.id}/${i}.webp`;
        await put(blobKey, png);
        await put(thumbKey, thumb);
        // Some rows take the database's now() (microseconds); the gallery's cursors carry them.
        const createdAt = n % 2 ? { createdAt: new Date(at.getTime() + i) } : {};
        rows.push({ jobId: job.id, index: i, seed: 2 ** 40 + n, width: 32, height: 32, contentType: "image/png", blobKey, thumbKey, byteSize: png.length, sha256: sha(png), costMicros: 40_000, favorite: n % 7 === 0, ...createdAt });
      }
      made.push(...(await db.insert(images).values(rows).returning()));
      await db.insert(spendLedger).values([
        { jobId: job.id, model: job.model, taskType: job.taskType, kind: "reserve", amountMicros: 40_000 * count, images: count, createdAt: at },
        { jobId: job.id, model: job.model, taskType: job.taskType, kind: "settle", amountMicros: 40_000 * count, images: count, createdAt: new Date(at.getTime() + 4_321) },
      ]);
      await recordPromptUse(db, { prompt, negativePrompt: j % 2 ? "fog" : null }, at);
    }
    await db.insert(sweepCells).values([
      { sweepId: sweep.id, position: 0, x: 0, y: 0, z: 0, jobId: made[0].jobId },
      { sweepId: sweep.id, position: 1, x: 1, y: 0, z: 0, jobId: made.find((m) => m.jobId !== made[0].jobId)?.jobId ?? null },
      { sweepId: sweep.id, position: 2, x: 2, y: 0, z: 0, jobId: null, note: "over the cap" },
    ]);

    // Lineage: the first image fed into an edit, beside an uploaded mask.
    const parent = made[0];
    const parentBytes = (await store.get(parent.blobKey))!;
    const parentInput = await upsertInput(db, { sha256: sha(parentBytes), contentType: "image/png", width: 32, height: 32, byteSize: parentBytes.length, blobKey: `inputs/${sha(parentBytes)}.png`, sourceImageId: parent.id });
    await put(parentInput.blobKey, parentBytes);
    const mask = await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 255, g: 255, b: 255 } } }).png().toBuffer();
    const maskInput = await upsertInput(db, { sha256: sha(mask), contentType: "image/png", width: 32, height: 32, byteSize: mask.length, blobKey: `inputs/${sha(mask)}.png` });
    await put(maskInput.blobKey, mask);
    const at = new Date(T0 + 24 * 3600_000);
    const [edit] = await db
      .insert(jobs)
      .values({ model: novaCanvas.id, taskType: "INPAINTING", status: "completed", params: { prompt: "a red boat", image: { input: parentInput.sha256 }, mask_image: { input: maskInput.sha256 } }, prompt: "a red boat", imagesRequested: 1, imagesReturned: 1, estimatedCostMicros: 40_000, actualCostMicros: 40_000, createdAt: at })
      .returning();
    await linkJobInputs(db, edit.id, [
      { inputSha256: parentInput.sha256, role: "image" },
      { inputSha256: maskInput.sha256, role: "mask_image" },
    ]);
    const childPng = await distinctPng(opts.images + 1);
    await put(`outputs/${edit.id}/0.png`, childPng);
    await put(`thumbs/${edit.id}/0.webp`, await sharp(childPng).resize(8, 8).webp().toBuffer());
    const [child] = await db
      .insert(images)
      .values({ jobId: edit.id, index: 0, width: 32, height: 32, contentType: "image/png", blobKey: `outputs/${edit.id}/0.png`, thumbKey: `thumbs/${edit.id}/0.webp`, byteSize: childPng.length, sha256: sha(childPng), costMicros: 40_000, createdAt: at })
      .returning();
    await db.insert(spendLedger).values({ jobId: edit.id, model: edit.model, taskType: edit.taskType, kind: "settle", amountMicros: 40_000, images: 1, createdAt: at });

    // A run still waiting with its hold, and one that failed and released it.
    const later = new Date(T0 + 2 * 24 * 3600_000);
    const [waiting] = await db.insert(jobs).values({ model: novaCanvas.id, taskType: "TEXT_IMAGE", status: "waiting", params: { prompt: "queued" }, prompt: "queued", imagesRequested: 2, estimatedCostMicros: 80_000, createdAt: later, progress: 0.25 }).returning();
    const [failed] = await db.insert(jobs).values({ model: novaCanvas.id, taskType: "TEXT_IMAGE", status: "failed", params: { prompt: "refused" }, prompt: "refused", imagesRequested: 1, estimatedCostMicros: 40_000, errorCode: "upstream_invalid", errorMessage: "prompt refused", createdAt: later, failedAt: later }).returning();
    await db.insert(spendLedger).values([
      { jobId: waiting.id, model: waiting.model, taskType: waiting.taskType, kind: "reserve", amountMicros: 80_000, images: 2, createdAt: later },
      { jobId: failed.id, model: failed.model, taskType: failed.taskType, kind: "reserve", amountMicros: 40_000, images: 1, createdAt: later },
      { jobId: failed.id, model: failed.model, taskType: failed.taskType, kind: "release", amountMicros: 0, images: 0, note: "refused", createdAt: later },
    ]);

    const shareTokens: string[] = [];
    for (const [title, ids, sweepId] of [
      ["Harbour", made.slice(0, 3).map((m) => m.id), null],
      ["The sweep", made.filter((m) => m.jobId === made[0].jobId).map((m) => m.id), sweep.id],
    ] as const) {
      const token = newShareToken();
      await insertShare(db, { tokenHash: hashShareToken(token), tokenSealed: sealToken(token), title, showPrompts: true, sweepId }, [...ids]);
      shareTokens.push(token);
    }

    const { value: sessionCookie, claims } = newSessionValue(PASSWORD);
    await insertSession(db, sessionIdHash(claims.id), new Date(claims.expiresAt));
    await writeSetting(db, "spend_caps", { dayUsd: 5, monthUsd: 50 }, later);
    await db.insert(upstreamRequestCounts).values([
      { second: later, kind: "submit", n: 1 },
      { second: later, kind: "poll", n: 2 },
    ]);
    await db.insert(upstreamBlocks).values({ account: "default", blockedUntil: later });
    await put("orphans/left-behind.png", await distinctPng(opts.images + 2));

    return { dataDir, password: PASSWORD, shareTokens, sessionCookie, childImageId: child.id, parentImageId: parent.id, blobs };
  } finally {
    await handle.close();
  }
}

/** What the app shows of an install: every gallery page, the spend, the ledger, a lineage. */
export interface AppView {
  gallery: GalleryRow[];
  cursors: (string | null)[];
  spend: SpendRow;
  ledger: LedgerRow[];
  lineage: { parents: string[]; children: string[] };
}

export async function readAppView(db: Db, childImageId: string, parentImageId: string): Promise<AppView> {
  const gallery: GalleryRow[] = [];
  const cursors: (string | null)[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await listGallery(db, { cursor, limit: 50 });
    gallery.push(...page.rows);
    cursors.push(page.nextCursor);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const child = gallery.find((g) => g.id === childImageId)!;
  const parent = gallery.find((g) => g.id === parentImageId)!;
  const up = await imageLineage(db, child);
  const down = await imageLineage(db, parent);
  return {
    gallery,
    cursors,
    spend: await spendSummary(db, periodsAt(new Date(T0 + 3 * 24 * 3600_000), "UTC")),
    ledger: await listLedger(db),
    lineage: { parents: up.parents.map((p) => p.id), children: down.children.map((c) => c.id) },
  };
}

/** Rows in every table of the public schema, by table name. */
export async function countTableRows(db: Db): Promise<Record<string, number>> {
  const { rows } = await db.execute<{ t: string }>(sql`select table_name as t from information_schema.tables where table_schema = 'public' order by 1`);
  const out: Record<string, number> = {};
  for (const { t } of rows) {
    const r = await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from "${t}"`));
    out[t] = Number(r.rows[0].n);
  }
  return out;
}

/**
 * Things written twice that the keys alone would not catch: a run's ledger entry of one kind,
 * an image slot of one run (both have unique indexes today; a move that let the target number
 * rows anew would still show here).
 */
export async function countDuplicates(db: Db): Promise<number> {
  const ledger = await db.execute<{ n: number }>(sql`select count(*)::int as n from (select job_id, kind from spend_ledger group by 1, 2 having count(*) > 1) d`);
  const slots = await db.execute<{ n: number }>(sql`select count(*)::int as n from (select job_id, index from images group by 1, 2 having count(*) > 1) d`);
  return Number(ledger.rows[0].n) + Number(slots.rows[0].n);
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A 32×32 PNG that no other n gives: a gradient whose colours come from n. */
async function distinctPng(n: number): Promise<Buffer> {
  const raw = Buffer.alloc(32 * 32 * 3);
  for (let p = 0; p < 32 * 32; p++) {
    raw[p * 3] = (n * 37 + p) & 255;
    raw[p * 3 + 1] = (n >> 8) * 53 + (p >> 5);
    raw[p * 3 + 2] = (n * 11) & 255;
  }
  return sharp(raw, { raw: { width: 32, height: 32, channels: 3 } }).png().toBuffer();
}

/** The three keys as an install made before lib/keys left them, in use by the app's code here. */
async function writeKeyFiles(dataDir: string): Promise<void> {
  const keys = setServerKeysForTests();
  await mkdir(path.join(dataDir, "secrets"), { recursive: true, mode: 0o700 });
  for (const [name, key] of keys) await writeFile(path.join(dataDir, "secrets", `${name}.key`), key, { mode: 0o600 });
}
