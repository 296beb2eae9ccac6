import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A new, empty database on a test server (nothing migrated: the caller decides, as `npm run
 * move` migrates its target itself). Returns its URL. No vitest imports: benchmarks use it too.
 */
export async function createEmptyDatabase(serverUrl: string, prefix = "t"): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return serverUrl.replace(/\/[^/]+$/, `/${name}`);
}
