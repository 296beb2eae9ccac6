import { createDatabase, type Db } from "@/lib/db/client";
import { MIGRATIONS_FOLDER, type TestDatabase } from "@/lib/testing/test-databases";

/**
 * Several app instances on one test database, for cases that race them. PostgreSQL: `count`
 * separate connection pools (as separate processes would have), so their transactions truly run
 * at once and only the database's locks order them. PGlite is one connection in one process:
 * every instance is the same handle, and its queries run one at a time.
 */
export interface Instances {
  dbs: Db[];
  /** The instance for the i-th of many calls, round robin. */
  at(i: number): Db;
  close(): Promise<void>;
}

export async function openInstances(database: TestDatabase, count: number): Promise<Instances> {
  const { databaseUrl } = database;
  const handles = databaseUrl
    ? await Promise.all(Array.from({ length: count }, () => createDatabase({ databaseUrl, dataDir: "", migrationsFolder: MIGRATIONS_FOLDER })))
    : [];
  const dbs = handles.length > 0 ? handles.map((h) => h.db) : [database.db];
  return {
    dbs,
    at: (i) => dbs[i % dbs.length],
    close: async () => {
      await Promise.all(handles.map((h) => h.close()));
    },
  };
}
