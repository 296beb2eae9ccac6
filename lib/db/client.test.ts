import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { closeDb, createDatabase, getDb, getDbInfo } from "@/lib/db/client";
import { insertTestJob } from "@/lib/testing/db-fixtures";
import { startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";
import { MIGRATIONS_FOLDER } from "@/lib/testing/test-databases";

const migrationCount = async (db: Awaited<ReturnType<typeof createDatabase>>["db"]) =>
  (await db.execute(sql`select id from drizzle.__drizzle_migrations`)).rows.length;

describe("createDatabase with PGlite", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "nova-client-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates missing folders, migrates, and keeps data across a reopen", async () => {
    const dataDir = path.join(dir, "nested", "data");
    const first = await createDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER });
    expect(first.dialect).toBe("pglite");
    const job = await insertTestJob(first.db);
    const applied = await migrationCount(first.db);
    expect(applied).toBeGreaterThan(0);
    await first.close();

    const second = await createDatabase({ dataDir, migrationsFolder: MIGRATIONS_FOLDER });
    expect(await migrationCount(second.db)).toBe(applied);
    const rows = await second.db.execute<{ id: string }>(sql`select id from jobs`);
    expect(rows.rows.map((r) => r.id)).toEqual([job.id]);
    await second.close();
  });
});

describe("createDatabase with PostgreSQL", () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lets instances starting together migrate once (advisory lock)", async () => {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("create database race");
    await admin.end();
    const databaseUrl = server.url.replace(/\/[^/]+$/, "/race");
    const handles = await Promise.all(
      [1, 2, 3].map(() => createDatabase({ databaseUrl, dataDir: "", migrationsFolder: MIGRATIONS_FOLDER })),
    );
    expect(handles.every((h) => h.dialect === "postgres")).toBe(true);
    for (const h of handles) expect(await migrationCount(h.db)).toBe(await migrationCount(handles[0].db));
    await Promise.all(handles.map((h) => h.close()));
  });

  it("fails clearly when the server cannot be reached", async () => {
    await expect(
      createDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:1/none", dataDir: "", migrationsFolder: MIGRATIONS_FOLDER }),
    ).rejects.toThrow();
  });
});

describe("getDb singleton", () => {
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "nova-singleton-"));
  });
  afterEach(async () => {
    await closeDb();
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvForTests();
    await rm(dir, { recursive: true, force: true });
  });

  it("retries after a failed start, then hands out one instance", async () => {
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/none";
    resetEnvForTests();
    await expect(getDb()).rejects.toThrow();

    process.env.DATABASE_URL = "";
    process.env.DATA_DIR = dir;
    resetEnvForTests();
    const [a, b] = await Promise.all([getDb(), getDb()]);
    expect(a).toBe(b);
    expect(await getDbInfo()).toEqual({ dialect: "pglite" });
    await closeDb();
    // After close a new instance opens on the same folder.
    expect(await getDb()).not.toBe(a);
  });
});
