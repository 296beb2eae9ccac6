import "server-only";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite, type PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { env } from "@/lib/env";
import { tightenModes } from "@/lib/storage/data-dir";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { log } from "@/lib/log";
import { ensurePgliteCluster, limitWasmCompileThreads, PGLITE_START_PARAMS } from "@/lib/db/pglite-cluster";
import { withPreparedStatements } from "@/lib/db/pglite-prepared";
import * as schema from "@/lib/db/schema";

/**
 * The app's database handle. Both drivers produce a `PgDatabase` with the same query builder;
 * they differ only in the raw result type of `db.execute()` / un-returning writes (PGlite:
 * `{ rows, affectedRows }`, node-postgres: `{ rows, rowCount }`). We type everything as the
 * PGlite flavour and cast the node-postgres instance to it, so callers write one code path;
 * the rule that keeps the cast honest: read only `.rows` from `execute()`, and use
 * `.returning()` instead of affected-row counts.
 *
 * Two more differences the types do not show (both checked in tests):
 * - Raw `sql` values of bigint/count/sum come back as numbers from PGlite but strings from
 *   node-postgres: give them `.mapWith(Number)`. Raw timestamps are strings on both.
 * - PGlite is one connection: inside `db.transaction(async (tx) => …)` use only `tx`; a query
 *   on the outer `db` waits for the transaction to end and so deadlocks (PostgreSQL would not).
 */
export type Db = PgliteDatabase<typeof schema>;
/** The `tx` handed to `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;
export type Dialect = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /** postgres://… ; without it an embedded PGlite lives in `${dataDir}/pglite`. */
  databaseUrl?: string;
  dataDir: string;
  /** Folder of drizzle-kit SQL migrations; the app always runs from the project root. */
  migrationsFolder?: string;
  /** PGlite only: start a new folder from a `dumpDataDir()` tarball (tests clone a template). */
  pgliteLoadDataDir?: Blob;
}

// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 7_215_391_002;

export async function createDatabase(opts: CreateDatabaseOptions): Promise<DatabaseHandle> {
  const migrationsFolder = opts.migrationsFolder ?? path.resolve(process.cwd(), "drizzle");
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, migrationsFolder);
  return openPglite(path.resolve(opts.dataDir, "pglite"), migrationsFolder, opts.pgliteLoadDataDir);
}

async function openPglite(dir: string, migrationsFolder: string, loadDataDir?: Blob): Promise<DatabaseHandle> {
  // PGlite does not create parent folders itself.
  await mkdir(dir, { recursive: true });
  if (!loadDataDir) await ensurePgliteCluster(dir);
  limitWasmCompileThreads();
  const client = new PGlite(dir, { startParams: [...PGLITE_START_PARAMS], ...(loadDataDir ? { loadDataDir } : {}) });
  try {
    await client.waitReady;
    // A new database is unpacked with the archive's modes (0666), whatever the umask says.
    await tightenModes(dir);
    const db = drizzlePglite({ client: withPreparedStatements(client) as PGlite, schema });
    await migratePglite(db, { migrationsFolder });
    return { db, dialect: "pglite", close: () => client.close() };
  } catch (e) {
    await client.close().catch(() => {});
    throw e;
  }
}

async function openPostgres(url: string, migrationsFolder: string): Promise<DatabaseHandle> {
  const pool = new Pool({ connectionString: url });
  // An idle client dropped by the server emits 'error' on the pool; unhandled, it kills the process.
  pool.on("error", (e) => log("error", "db.pool_error", { error: e }));
  try {
    // Several app instances may start at once: one migrates while the others wait on the lock.
    const conn = await pool.connect();
    try {
      await conn.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      try {
        await migratePg(drizzlePg(conn), { migrationsFolder });
      } finally {
        await conn.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      }
    } finally {
      conn.release();
    }
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, dialect: "postgres", close: () => pool.end() };
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }
}

// ---- process-wide singleton ------------------------------------------------------------------

// Kept on globalThis: Next's hot reload evaluates this module again, and a second PGlite on the
// same folder would corrupt it.
const g = globalThis as typeof globalThis & {
  __novaDb?: Promise<DatabaseHandle>;
  __novaDbShutdown?: boolean;
};

function getHandle(): Promise<DatabaseHandle> {
  if (!g.__novaDb) {
    const e = env();
    const pending = createDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.DATA_DIR });
    g.__novaDb = pending;
    // A failed init must not stick: the next caller retries (the database may come up later).
    pending.catch(() => {
      if (g.__novaDb === pending) g.__novaDb = undefined;
    });
    closeOnShutdownOnce();
  }
  return g.__novaDb;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

export async function getDbInfo(): Promise<{ dialect: Dialect }> {
  return { dialect: (await getHandle()).dialect };
}

export async function closeDb(): Promise<void> {
  const pending = g.__novaDb;
  g.__novaDb = undefined;
  if (!pending) return;
  const handle = await pending.catch(() => undefined);
  await handle?.close();
}

/**
 * The database closes last when the process stops (lib/lifecycle/shutdown.ts owns the order and
 * the signals): after the queue, the tracker and the event streams are done with it. A clean
 * PGlite shutdown avoids recovery work on the next start.
 */
function closeOnShutdownOnce(): void {
  if (g.__novaDbShutdown) return;
  g.__novaDbShutdown = true;
  onShutdown({ name: "database closes", phase: "close", run: closeDb });
}
