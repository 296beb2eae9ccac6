import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "./client";

/**
 * Which of the migrations this build ships (drizzle/meta/_journal.json) the database has not
 * applied, by Drizzle's own rule: its migrator records each migration with the journal's `when`
 * as `created_at` and applies every one newer than the newest recorded. A database another,
 * newer build migrated further is fine (nothing of ours is missing). Doubles as the database's
 * reachability check for GET /api/ready: it is a real query.
 */
export interface MigrationStatus {
  /** Migrations in this build's journal. */
  total: number;
  /** Their tags, oldest first, of those not applied. */
  pending: string[];
}

interface JournalEntry {
  tag: string;
  when: number;
}

export async function migrationStatus(db: Db, migrationsFolder = path.resolve(process.cwd(), "drizzle")): Promise<MigrationStatus> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] };
  const newest = await newestApplied(db);
  const pending = journal.entries.filter((e) => newest === null || e.when > newest).map((e) => e.tag);
  return { total: journal.entries.length, pending };
}

async function newestApplied(db: Db): Promise<number | null> {
  const exists = await db.execute<{ present: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists.rows[0]?.present) return null;
  // bigint: a string from node-postgres, a number from PGlite.
  const rows = await db.execute<{ newest: string | number | null }>(sql`select max(created_at) as newest from drizzle.__drizzle_migrations`);
  const newest = rows.rows[0]?.newest;
  return newest === null || newest === undefined ? null : Number(newest);
}
