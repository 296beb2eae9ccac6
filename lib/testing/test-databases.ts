import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import { createDatabase, type Db, type Dialect } from "@/lib/db/client";
import { startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";

/**
 * Integration tests run the same cases on both databases the app supports:
 *
 *   forEachDialect("gallery", (t) => {
 *     it("pages", async () => { await insertJob(t.db, …); });   // one fresh db per describe
 *     it("isolated", async () => { const own = await t.create(); …; await own.close(); });
 *   });
 *
 * or, with more control, `describe.each(dialects)("… ($dialect)", ({ create }) => …)`.
 * Every database is new and fully migrated. PostgreSQL: one server per test file (vitest
 * isolates files, so this module's state is per file), started on first use and stopped after
 * the file; each `create()` is a new database on it. PGlite: a new temp folder per `create()`,
 * cloned from a migrated template.
 */
export interface TestDatabase {
  db: Db;
  dialect: Dialect;
  /** Set for PostgreSQL: open a second connection pool to simulate another app instance. */
  databaseUrl?: string;
  close(): Promise<void>;
}

export interface CreateOptions {
  /** Migrate from another folder (a copy cut at an older migration, to test an upgrade). */
  migrationsFolder?: string;
}

export interface DialectCase {
  dialect: Dialect;
  create(opts?: CreateOptions): Promise<TestDatabase>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

let server: Promise<PostgresServer> | undefined;

// Registered while the importing test file is being collected, so it runs after that file.
afterAll(async () => {
  const pending = server;
  server = undefined;
  const srv = await pending?.catch(() => undefined);
  await srv?.stop();
});

let pgliteTemplate: Promise<Blob> | undefined;

/**
 * A fresh PGlite folder costs about 4 s (initdb); loading a dump of an already migrated one
 * costs about 1 s. The template is made once per test file, in memory, by the app's own
 * migration path; createDatabase then re-runs the migrator on each clone (a no-op).
 */
function migratedPgliteDump(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const client = new PGlite();
    try {
      await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      return await client.dumpDataDir("none");
    } finally {
      await client.close();
    }
  })();
  return pgliteTemplate;
}

async function createPglite(opts: CreateOptions = {}): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nova-pglite-"));
  const migrationsFolder = opts.migrationsFolder ?? MIGRATIONS_FOLDER;
  // The template holds every migration: another folder starts from an empty database.
  const pgliteLoadDataDir = migrationsFolder === MIGRATIONS_FOLDER ? await migratedPgliteDump() : undefined;
  const handle = await createDatabase({ dataDir: dir, migrationsFolder, pgliteLoadDataDir });
  return {
    db: handle.db,
    dialect: "pglite",
    async close() {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgres(opts: CreateOptions = {}): Promise<TestDatabase> {
  server ??= startPostgres();
  const srv = await server;
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: srv.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = srv.url.replace(/\/[^/]+$/, `/${name}`);
  const handle = await createDatabase({ databaseUrl, dataDir: os.tmpdir(), migrationsFolder: opts.migrationsFolder ?? MIGRATIONS_FOLDER });
  return { db: handle.db, dialect: "postgres", databaseUrl, close: handle.close };
}

export const dialects: DialectCase[] = [
  { dialect: "pglite", create: createPglite },
  { dialect: "postgres", create: createPostgres },
];

export interface DialectContext extends DialectCase {
  /** The describe block's database, created in beforeAll and closed in afterAll. */
  readonly db: Db;
  /** The same database as a TestDatabase (its databaseUrl, to open more pools on it). */
  readonly database: TestDatabase;
}

export function forEachDialect(name: string, fn: (t: DialectContext) => void): void {
  describe.each(dialects)(`${name} ($dialect)`, (c) => withDatabase(c, fn));
}

/** forEachDialect on PGlite alone: for logic above SQL that the dialect tests already cover. */
export function forPglite(name: string, fn: (t: DialectContext) => void): void {
  describe(`${name} (pglite)`, () => withDatabase(dialects[0], fn));
}

function withDatabase(c: DialectCase, fn: (t: DialectContext) => void): void {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await c.create();
  });
  afterAll(async () => {
    await current?.close();
  });
  fn({
    dialect: c.dialect,
    create: c.create,
    get db(): Db {
      return this.database.db;
    },
    get database(): TestDatabase {
      if (!current) throw new Error("the test database is created in beforeAll; use t.db inside a test or hook");
      return current;
    },
  });
}
