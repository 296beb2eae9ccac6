import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { MoveError } from "@/lib/move/move-error";

/** A `secrets` row: base64url of the key's 32 bytes, under the file's name without `.key`. */
export interface SecretRow {
  name: string;
  value: string;
}

const NAME_RE = /^[a-z0-9-]+$/;

/**
 * The server's keys as installs kept them before lib/keys moved them into the database:
 * `$DATA_DIR/secrets/<name>.key`, 32 random bytes each (an install started since has taken them
 * into its `secrets` table and removed the files). The move carries them into the target's
 * `secrets` table, where every instance on the database reads them, so share links (their sealed
 * tokens) and signed-in sessions made on this install still open there. A folder without keys
 * gives none.
 */
export async function readSecretFiles(dataDir: string): Promise<SecretRow[]> {
  const dir = path.join(dataDir, "secrets");
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".key")).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const rows: SecretRow[] = [];
  for (const file of names) {
    const name = file.slice(0, -".key".length);
    if (!NAME_RE.test(name)) continue;
    const bytes = await readFile(path.join(dir, file));
    if (bytes.length !== 32) throw new MoveError(`${path.join(dir, file)} holds ${bytes.length} bytes, not 32: it is not one of the server's keys`);
    rows.push({ name, value: bytes.toString("base64url") });
  }
  return rows;
}
