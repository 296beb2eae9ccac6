import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * One connection the move speaks plain SQL on: the source's PGlite or the target PostgreSQL.
 * The move is generic over tables (it reads them from the catalog), so it works below Drizzle's
 * typed query builder: rows travel as JSON text and are never turned into JS values, so no
 * bigint, timestamp or float loses a digit on the way.
 */
export interface SqlConn {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Both sides print rows the same way: to_jsonb(timestamptz) follows the session's time zone, and
 * a server may be configured with another float precision. Row hashes compare these texts.
 */
async function normalizeSession(conn: SqlConn): Promise<void> {
  await conn.query("set time zone 'UTC'");
  await conn.query("set extra_float_digits = 1");
}

/** The source's PGlite, opened (and closed) by createDatabase: this only borrows it. */
export async function pgliteConn(client: PGlite): Promise<SqlConn> {
  const conn: SqlConn = {
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query<T>(text, params)).rows;
    },
  };
  await normalizeSession(conn);
  return conn;
}

/** One connection of our own to the target (not the app's pool): session settings stick to it. */
export async function openPgConn(url: string): Promise<SqlConn & { close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A connection dropped by the server emits 'error'; unhandled it would end the process
  // without the move's own message. The next query fails and reports it instead.
  client.on("error", () => {});
  const conn = {
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query(text, params)).rows as T[];
    },
    close: () => client.end(),
  };
  try {
    await normalizeSession(conn);
  } catch (e) {
    await client.end().catch(() => {});
    throw e;
  }
  return conn;
}

/** A catalog name as an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
