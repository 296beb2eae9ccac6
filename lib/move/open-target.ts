import "server-only";
import os from "node:os";
import { createDatabase } from "@/lib/db/client";
import { MoveError } from "@/lib/move/move-error";
import { redactUrl, scrubPassword } from "@/lib/move/redact-url";
import { openPgConn, type SqlConn } from "@/lib/move/sql-conn";

export interface TargetDatabase {
  conn: SqlConn;
  close(): Promise<void>;
}

/**
 * Migrates the target with the app's own createDatabase (under its advisory lock, as an app
 * instance starting would), then opens one connection of the move's own for the copy.
 */
export async function openTargetDatabase(url: string, migrationsFolder?: string): Promise<TargetDatabase> {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new MoveError(`--to-database takes a postgres:// URL (got ${redactUrl(url)})`);
  try {
    const handle = await createDatabase({ databaseUrl: url, dataDir: os.tmpdir(), migrationsFolder });
    await handle.close();
    const conn = await openPgConn(url);
    return { conn, close: conn.close };
  } catch (e) {
    throw new MoveError(`could not open and migrate the target database ${redactUrl(url)}: ${scrubPassword((e as Error).message, url)}`, { cause: e });
  }
}
