import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "./client";
import { forEachDialect, MIGRATIONS_FOLDER } from "@/lib/testing/test-databases";
import { migrationStatus } from "./migration-status";

/**
 * What GET /api/ready reads about migrations, on both databases: a database migrated by this
 * build has none pending; a build that ships one more migration sees exactly that one missing;
 * a database nothing migrated misses them all.
 */
const journal = async () => JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string; when: number }[] };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "nova-migration-status-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function folderWithJournal(name: string, entries: unknown[]): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(path.join(folder, "meta"), { recursive: true });
  await writeFile(path.join(folder, "meta", "_journal.json"), JSON.stringify({ version: "7", dialect: "postgresql", entries }));
  return folder;
}

forEachDialect("migration status", (t) => {
  it("a database migrated by this build has every migration of its journal", async () => {
    const { entries } = await journal();
    expect(await migrationStatus(t.db, MIGRATIONS_FOLDER)).toEqual({ total: entries.length, pending: [] });
  });

  it("a newer build's extra migration is named as pending", async () => {
    const { entries } = await journal();
    const next = { idx: entries.length, version: "7", when: entries[entries.length - 1].when + 1000, tag: "9999_from_a_newer_build", breakpoints: true };
    const newer = await folderWithJournal(`newer-${t.dialect}`, [...entries, next]);
    expect(await migrationStatus(t.db, newer)).toEqual({ total: entries.length + 1, pending: ["9999_from_a_newer_build"] });
  });

  it("a database nothing migrated misses them all", async () => {
    const empty = await folderWithJournal(`empty-${t.dialect}`, []);
    const bare = await t.create({ migrationsFolder: empty });
    try {
      const { entries } = await journal();
      expect(await migrationStatus(bare.db, MIGRATIONS_FOLDER)).toEqual({ total: entries.length, pending: entries.map((e) => e.tag) });
    } finally {
      await bare.close();
    }
  });
});

it("a database without Drizzle's table at all (never migrated): all pending, no error", async () => {
  const client = new PGlite();
  try {
    const { entries } = await journal();
    expect(await migrationStatus(drizzle({ client }) as unknown as Db, MIGRATIONS_FOLDER)).toEqual({ total: entries.length, pending: entries.map((e) => e.tag) });
  } finally {
    await client.close();
  }
});
