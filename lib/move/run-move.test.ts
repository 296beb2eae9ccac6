import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { ListObjectsCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionIdHash, verifySessionValue } from "@/lib/auth/session";
import { createDatabase, type DatabaseHandle, type Db } from "@/lib/db/client";
import { insertReserve } from "@/lib/db/ledger-queries";
import { secrets } from "@/lib/db/schema";
import { sessionIsLive } from "@/lib/db/session-queries";
import { MoveError, MoveStopped } from "@/lib/move/move-error";
import { runMove, type BlobTarget, type MoveOptions, type MoveResult } from "@/lib/move/run-move";
import { forgetServerKeys, loadServerKeys } from "@/lib/keys/server-keys";
import { openShare, readShares, sharedImageFile } from "@/lib/shares/share-service";
import { createLocalBlobStore, createS3BlobStore, getBlobStore } from "@/lib/storage";
import { countDuplicates, countTableRows, readAppView, seedEmbeddedInstall, type AppView, type SeededInstall } from "@/lib/testing/embedded-install";
import { createEmptyDatabase } from "@/lib/testing/new-database";
import { startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";
import { startS3Server, type S3Server } from "@/lib/testing/s3-server";
import { withTempDataDir } from "@/lib/testing/temp-data-dir";
import { setTestEnv } from "@/lib/testing/test-env";
import { MIGRATIONS_FOLDER } from "@/lib/testing/test-databases";

/**
 * `npm run move` end to end (lib/move): a seeded embedded install (PGlite + files) moved into a
 * real PostgreSQL and a blob store, then read back through the app's own queries and services.
 */

// The share and session services take their database from lib/db (getDb): here, the target.
const holder = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => {
    if (!holder.db) throw new Error("test db not set");
    return holder.db;
  },
}));

withTempDataDir("move");

const IMAGES = 12;
let install: SeededInstall;
let before: AppView;
let sourceCounts: Record<string, number>;
/** What the target holds after the move: the source's rows and the two keys from files. */
let movedCounts: Record<string, number>;
const DEVICE_KEY = Buffer.alloc(32, 9).toString("base64url");
let server: PostgresServer;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  install = await seedEmbeddedInstall(process.env.DATA_DIR!, { images: IMAGES });
  const source = await createDatabase({ dataDir: install.dataDir, migrationsFolder: MIGRATIONS_FOLDER });
  try {
    // A key already in the source's table (as the app keeps them once it reads keys from the
    // database) wins over its file; the other two come from their files.
    await source.db.insert(secrets).values({ name: "device", value: DEVICE_KEY });
    before = await readAppView(source.db, install.childImageId, install.parentImageId);
    sourceCounts = await countTableRows(source.db);
    movedCounts = { ...sourceCounts, secrets: 3 };
  } finally {
    await source.close();
  }
  server = await startPostgres();
}, 120_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  await s3?.stop();
  await server?.stop();
});

/** The target as the app opens it. */
async function openApp(url: string): Promise<DatabaseHandle> {
  const handle = await createDatabase({ databaseUrl: url, dataDir: os.tmpdir(), migrationsFolder: MIGRATIONS_FOLDER });
  cleanups.push(() => handle.close());
  return handle;
}

async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `nova-move-${label}-`));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Where a test moves blobs to: a fresh folder, or a fresh prefix in the s3rver bucket. */
interface BlobPlace {
  target: BlobTarget;
  /** Every blob there, by key, with its sha256. */
  contents(): Promise<Map<string, string>>;
  /** What the app on the target is started with to read them (beside DATA_DIR). */
  appEnv: Record<string, string | undefined>;
}

interface BlobSide {
  name: string;
  /** A fresh place; a folder's is `appDir/blobs`, where the app on the target looks. */
  fresh(appDir: string): Promise<BlobPlace>;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const files: BlobSide = {
  name: "a folder",
  async fresh(appDir) {
    const dir = path.join(appDir, "blobs");
    return { target: { store: createLocalBlobStore(dir), label: dir }, contents: () => filesWithHashes(dir), appEnv: { S3_BUCKET: undefined } };
  },
};

let s3: S3Server | undefined;
let prefixes = 0;
const bucket: BlobSide = {
  name: "S3 (s3rver)",
  async fresh() {
    s3 ??= await startS3Server();
    const server = s3;
    const prefix = `moved-${++prefixes}/`;
    const client = new S3Client(server.clientConfig);
    cleanups.push(async () => client.destroy());
    const store = createS3BlobStore({ bucket: server.bucket, endpoint: server.endpoint, region: "us-east-1", forcePathStyle: true, prefix, client });
    return {
      target: { store, label: `s3://${server.bucket}/${prefix}` },
      async contents() {
        const out = new Map<string, string>();
        for (let marker: string | undefined; ; ) {
          const page = await client.send(new ListObjectsCommand({ Bucket: server.bucket, Prefix: prefix, Marker: marker }));
          for (const o of page.Contents ?? []) {
            const key = o.Key!.slice(prefix.length);
            out.set(key, sha256((await store.get(key))!));
          }
          if (!page.IsTruncated) break;
          marker = page.Contents!.at(-1)!.Key; // v1: s3rver 3.7.1 answered ListObjectsV2 with a 500 once the bucket held 1,100 objects
        }
        return out;
      },
      appEnv: { ...server.env, S3_PREFIX: prefix },
    };
  },
};

function move(opts: Partial<MoveOptions>) {
  return runMove({ dataDir: install.dataDir, migrationsFolder: MIGRATIONS_FOLDER, pageSize: 4, ...opts });
}

/** Every file under a folder with its sha256, by relative path. */
async function filesWithHashes(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const store = createLocalBlobStore(root);
  for (const rel of (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const key = path.relative(root, path.join(rel.parentPath, rel.name)).split(path.sep).join("/");
    out.set(key, sha256((await store.get(key))!));
  }
  return out;
}

/**
 * Points DATA_DIR at `dir` and loads the keys the target database holds: the app as it will run
 * on the target, reading its keys from the `secrets` table (lib/keys) and its images from where
 * the blobs were moved (`dir/blobs` or the bucket).
 */
async function runAppOn(db: Db, dir: string, appEnv: Record<string, string | undefined> = {}): Promise<() => void> {
  const restore = setTestEnv({ ...appEnv, DATA_DIR: dir });
  forgetServerKeys();
  await loadServerKeys(db, dir);
  delete (globalThis as { __novaBlobStore?: unknown }).__novaBlobStore;
  holder.db = db;
  return () => {
    restore();
    forgetServerKeys();
    delete (globalThis as { __novaBlobStore?: unknown }).__novaBlobStore;
    holder.db = undefined;
  };
}

describe.each([files, bucket])("moving an embedded install into PostgreSQL and $name", (side) => {
  let url: string;
  let appDir: string;
  let place: BlobPlace;
  let target: Db;
  let moved: MoveResult;

  beforeAll(async () => {
    url = await createEmptyDatabase(server.url, "move");
    appDir = await tempDir("app");
    place = await side.fresh(appDir);
  });

  it("copies every row, blob and key and verifies them", async () => {
    const lines: string[] = [];
    const result = (moved = await move({ toDatabase: url, toBlobs: place.target, log: (l) => lines.push(l) }));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    target = (await openApp(url)).db;

    expect(await countTableRows(target)).toEqual(movedCounts);
    expect(Object.values(sourceCounts).every((n) => n > 0)).toBe(true); // the seed fills every table
    for (const t of result.tables) expect(t).toMatchObject({ missing: 0, extra: 0, source: t.target });
    const keys = await target.select().from(secrets).orderBy(secrets.name);
    expect(keys.map((k) => k.name)).toEqual(["device", "session", "share-link"]);
    expect(keys[0].value).toBe(DEVICE_KEY);

    // Every file of the install, referenced or not, byte for byte.
    const sourceFiles = await filesWithHashes(path.join(install.dataDir, "blobs"));
    expect(sourceFiles.size).toBe(install.blobs);
    expect(await place.contents()).toEqual(sourceFiles);
    expect(result.blobs).toMatchObject({ total: install.blobs, copied: install.blobs, alreadyThere: 0, check: { checked: install.blobs, wrong: [] } });

    expect(lines.some((l) => l.endsWith("(migrated) — empty"))).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/^1 runs were not finished; the app on the target carries on with them/)]);
    expect(lines.filter((l) => l.startsWith("blobs "))).not.toHaveLength(0);
  });

  it("the app on the target shows the same gallery, spend, ledger and lineage", async () => {
    const after = await readAppView(target, install.childImageId, install.parentImageId);
    expect(after.gallery).toHaveLength(IMAGES + 1);
    // Cursors carry created_at to the microsecond: equal cursors mean equal timestamps.
    expect(after).toEqual(before);
    expect(after.lineage.parents).toEqual([install.parentImageId]);
    expect(after.spend.allTimeMicros).toBe((IMAGES + 1) * 40_000);
  });

  it("share links and sessions made on the install open there with the moved keys", async () => {
    const restore = await runAppOn(target, appDir, place.appEnv);
    try {
      const shares = await readShares();
      expect(shares.map((s) => s.path).sort()).toEqual(install.shareTokens.map((t) => `/s/${t}`).sort());
      const share = await openShare(install.shareTokens[0]);
      expect(share?.images).toHaveLength(3);
      const file = await sharedImageFile(install.shareTokens[0], 1, "file");
      const moved = await getBlobStore().get(file!.key);
      expect(moved?.equals((await createLocalBlobStore(path.join(install.dataDir, "blobs")).get(file!.key))!)).toBe(true);

      const claims = verifySessionValue(install.sessionCookie, install.password);
      expect(claims).not.toBeNull();
      expect(await sessionIsLive(target, sessionIdHash(claims!.id), new Date())).toBe(true);
    } finally {
      restore();
    }
  });

  it("(control) other keys open neither the links nor the session", async () => {
    const moved = await target.select().from(secrets);
    // Other random keys under the same names (base64url of 32 bytes), as another install's would be.
    await target.execute(sql`update secrets set value = translate(rtrim(encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'), '='), '+/', '-_')`);
    const restore = await runAppOn(target, await tempDir("other-keys"), place.appEnv);
    try {
      expect((await readShares()).map((s) => s.path)).toEqual([null, null]);
      expect(verifySessionValue(install.sessionCookie, install.password)).toBeNull();
    } finally {
      restore();
      for (const row of moved) await target.execute(sql`update secrets set value = ${row.value} where name = ${row.name}`);
    }
  });

  it("sequences are past the copied ids: the app's next rows get new ids", async () => {
    expect(moved.sequences.map((s) => s.sequence).sort()).toEqual(["spend_ledger.id"]);
    expect(moved.sequences.every((s) => s.ok && s.maxId !== null && s.next > s.maxId)).toBe(true);
    const hold = { jobId: "00000000-0000-4000-8000-000000000001", model: "m", taskType: "TEXT_IMAGE", amountMicros: 1, images: 1 };
    await insertReserve(target, hold, new Date());
    const { rows } = await target.execute<{ n: number }>(sql`select count(*)::int as n from spend_ledger`);
    expect(Number(rows[0].n)).toBe(sourceCounts.spend_ledger + 1);
    await target.execute(sql`delete from spend_ledger where job_id = ${hold.jobId}`);
  });

  it("run again, it writes nothing and verifies the same", async () => {
    const lines: string[] = [];
    const again = await move({ toDatabase: url, toBlobs: place.target, log: (l) => lines.push(l) });
    expect(again.ok).toBe(true);
    expect(again.copies.reduce((n, c) => n + c.inserted, 0)).toBe(0);
    expect(again.blobs).toMatchObject({ copied: 0, alreadyThere: install.blobs });
    expect(lines.some((l) => l.includes(`holds ${Object.values(movedCounts).reduce((a, b) => a + b, 0)} of this install's`))).toBe(true);
  });
});

describe("an interrupted move, run again", () => {
  it("stopped after some rows, finishes with every row once", async () => {
    const url = await createEmptyDatabase(server.url, "move");
    await expect(move({ toDatabase: url, stopAfter: { rows: 10 } })).rejects.toBeInstanceOf(MoveStopped);
    const db = (await openApp(url)).db;
    const partial = Object.values(await countTableRows(db)).reduce((a, b) => a + b, 0);
    const total = Object.values(sourceCounts).reduce((a, b) => a + b, 0); // table rows; the two key files come after them
    expect(partial).toBeGreaterThanOrEqual(10);
    expect(partial).toBeLessThan(total);

    const again = await move({ toDatabase: url });
    expect(again.ok).toBe(true);
    expect(again.copies.reduce((n, c) => n + c.inserted, 0)).toBe(total - partial);
    expect(await countTableRows(db)).toEqual(movedCounts);
    expect(await countDuplicates(db)).toBe(0);
    expect(await readAppView(db, install.childImageId, install.parentImageId)).toEqual(before);
  });

  it.each([files, bucket])("stopped after some blobs (blobs only, to $name), finishes with every blob once", async (side) => {
    const place = await side.fresh(await tempDir("blobs-only"));
    await expect(move({ toBlobs: place.target, stopAfter: { blobs: 5 }, blobConcurrency: 2 })).rejects.toBeInstanceOf(MoveStopped);
    const partial = (await place.contents()).size;
    expect(partial).toBeGreaterThanOrEqual(5);
    expect(partial).toBeLessThan(install.blobs);

    const again = await move({ toBlobs: place.target });
    expect(again.ok).toBe(true);
    expect(again.blobs).toMatchObject({ copied: install.blobs - partial, alreadyThere: partial });
    expect(again.tables).toEqual([]); // the embedded database stays
    expect(await place.contents()).toEqual(await filesWithHashes(path.join(install.dataDir, "blobs")));
  });
});

describe("a target that is not empty", () => {
  it("is refused, naming what it holds; --into-non-empty adds to it", async () => {
    const url = await createEmptyDatabase(server.url, "move");
    const db = (await openApp(url)).db;
    await db.execute(sql`insert into settings (key, value) values ('theme', '"dark"')`);

    const refused = move({ toDatabase: url });
    await expect(refused).rejects.toBeInstanceOf(MoveError);
    await expect(refused).rejects.toThrow(/not empty.*settings: 1.*--into-non-empty/);
    expect((await countTableRows(db)).jobs).toBe(0);

    const added = await move({ toDatabase: url, intoNonEmpty: true });
    expect(added.ok).toBe(true);
    expect(added.tables.find((t) => t.table === "settings")).toMatchObject({ extra: 1, missing: 0 });
    expect((await countTableRows(db)).jobs).toBe(sourceCounts.jobs);
  });

  it("holding other keys under the same names, fails the check (links and sessions would not open)", async () => {
    const url = await createEmptyDatabase(server.url, "move");
    const db = (await openApp(url)).db;
    await db.insert(secrets).values({ name: "share-link", value: Buffer.alloc(32, 7).toString("base64url") });

    const result = await move({ toDatabase: url, intoNonEmpty: true });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^secrets: the target holds other keys.*share links and sessions/)]);
  });
});

describe("a source in use", () => {
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
  });

  it("is refused while another process has the embedded database open", async () => {
    const script = `import { PGlite } from "@electric-sql/pglite";
      const db = new PGlite(process.argv[1]); await db.query("select 1"); console.log("open");
      process.on("SIGTERM", async () => { await db.close(); process.exit(0); });
      setInterval(() => {}, 1000);`;
    child = spawn(process.execPath, ["--input-type=module", "-e", script, path.join(install.dataDir, "pglite")], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on("data", (d: Buffer) => d.toString().includes("open") && resolve());
      child!.once("exit", (code) => reject(new Error(`the holder exited (${code})`)));
    });
    const refused = move({ toDatabase: await createEmptyDatabase(server.url, "move") });
    await expect(refused).rejects.toThrow(new RegExp(`is open in process ${child.pid} .*stop the app first`));
  });
});
