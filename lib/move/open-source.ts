import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { createDatabase, type DatabaseHandle } from "@/lib/db/client";
import { MoveError } from "@/lib/move/move-error";
import { processesHolding } from "@/lib/move/source-in-use";
import { pgliteConn, type SqlConn } from "@/lib/move/sql-conn";

export interface Source {
  conn: SqlConn;
  /** Said once, before anything is read (e.g. that whether the app runs could not be checked). */
  notes: string[];
  close(): Promise<void>;
}

/**
 * Opens the embedded database of `$DATA_DIR` through the app's own createDatabase, which applies
 * any migration this checkout has and the folder lacks (what the app's next start would do), so
 * source and target have the same tables. Refuses while another process has the folder open:
 * PGlite is one process's database, and reading it under a running app could read it torn.
 */
export async function openSource(dataDir: string, migrationsFolder?: string): Promise<Source> {
  const dir = path.join(dataDir, "pglite");
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    throw new MoveError(`there is no embedded database in ${dir}: set DATA_DIR to the data folder of the install to move`);
  }
  const notes: string[] = [];
  const holders = await processesHolding(dir);
  if (holders === null) {
    notes.push(`could not check whether the app is running (no /proc here): make sure it is stopped`);
  } else if (holders.length > 0) {
    const who = holders.map((h) => (h.pid === process.pid ? `this process (${h.pid})` : `process ${h.pid} (${h.command})`)).join(", ");
    throw new MoveError(`the embedded database ${dir} is open in ${who}: stop the app first (PGlite is one process's database), then run the move again`);
  }
  let handle: DatabaseHandle;
  try {
    handle = await createDatabase({ dataDir, migrationsFolder });
  } catch (e) {
    throw new MoveError(`could not open the embedded database ${dir}: ${(e as Error).message}`, { cause: e });
  }
  try {
    // Drizzle keeps the driver's client as `$client` (left out of the app's Db type, which
    // nothing else needs it on); the source is always PGlite, so it is a PGlite here.
    const conn = await pgliteConn((handle.db as unknown as { $client: PGlite }).$client);
    return { conn, notes, close: () => handle.close() };
  } catch (e) {
    await handle.close().catch(() => {});
    throw e;
  }
}
