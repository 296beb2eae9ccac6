import "server-only";
import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { SqlConn } from "@/lib/move/sql-conn";
import { assertValidKey } from "@/lib/storage";

/** The columns that hold blob keys: an image's file and thumbnail, an input's file. */
const KEY_COLUMNS = [
  ["images", "blob_key"],
  ["images", "thumb_key"],
  ["inputs", "blob_key"],
] as const;

export interface SourceBlobs {
  /** Every key to copy, sorted: every blob in the folder, whether a row names it or not. */
  keys: string[];
  /** Keys the rows name that the folder does not hold (lost before the move; reported). */
  missing: string[];
  /** Files in the folder that are not blob keys (not copied; reported). */
  ignored: string[];
}

/**
 * The blobs of an embedded install: every key a row refers to and every file under
 * `$DATA_DIR/blobs` (unreferenced files too: the move does not judge what is garbage).
 * Temporary files of interrupted writes (`.<name>.<hex>.tmp`) are not keys and are left out.
 */
export async function listSourceBlobs(source: SqlConn, blobsDir: string): Promise<SourceBlobs> {
  const union = KEY_COLUMNS.map(([t, c]) => `select ${c} as key from ${t}`).join(" union ");
  const referenced = (await source.query<{ key: string }>(union)).map((r) => r.key);
  const present = new Set<string>();
  const ignored: string[] = [];
  for (const rel of await listFiles(blobsDir)) {
    if (path.posix.basename(rel).startsWith(".")) continue;
    try {
      assertValidKey(rel);
      present.add(rel);
    } catch {
      ignored.push(rel);
    }
  }
  const missing = [...new Set(referenced.filter((k) => !present.has(k)))].sort();
  const keys = [...present].sort();
  return { keys, missing, ignored: ignored.sort() };
}

/** Regular files under `root` as relative POSIX paths; none when the folder does not exist. */
async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile()) out.push(child);
    }
  };
  await walk("");
  return out;
}
