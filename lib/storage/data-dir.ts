import "server-only";
import type { Stats } from "node:fs";
import { chmod, lstat, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { TEMP_FILE } from "@/lib/storage/durable-files";

/**
 * The data folder holds the database, every image and the server's secrets: only the user the
 * server runs as may read or write it. `prepareDataDir` runs once at start (instrumentation.ts):
 *
 * - the process umask becomes 077, so everything created from now on (PGlite's files, blobs,
 *   secrets, the engine's jobs) is 0600 / 0700 whatever the library asks for;
 * - what already exists is brought to 0700 (folders) and 0600 (files): installs made before this
 *   rule had PGlite's files at 0666 (PGlite writes a new database from an archive, setting each
 *   file's mode itself, so lib/db/client.ts tightens its folder again once it is open);
 * - temporary files of writes a crash interrupted (`.<name>.<hex>.tmp`, see durable-files.ts)
 *   are removed. With PGlite one process owns the folder, so every one of them is dead; with
 *   DATABASE_URL several instances may share it, so only those older than five minutes go.
 */
export interface PrepareReport {
  /** Files and folders whose mode was tightened. */
  tightened: number;
  /** Interrupted temporary files removed. */
  sweptTempFiles: number;
}

const SHARED_TEMP_AGE_MS = 5 * 60_000;

export async function prepareDataDir(dataDir: string, opts: { shared: boolean; now?: number }): Promise<PrepareReport> {
  process.umask(0o077);
  const report: PrepareReport = { tightened: 0, sweptTempFiles: 0 };
  const now = opts.now ?? Date.now();
  await walk(path.resolve(dataDir), async (file, stats) => {
    if (stats.isFile() && TEMP_FILE.test(path.basename(file)) && (!opts.shared || now - stats.mtimeMs > SHARED_TEMP_AGE_MS)) {
      await rm(file, { force: true });
      report.sweptTempFiles++;
      return;
    }
    const wanted = stats.isDirectory() ? 0o700 : 0o600;
    if ((stats.mode & 0o777) !== wanted) {
      await chmod(file, wanted);
      report.tightened++;
    }
  });
  return report;
}

/** Brings a folder and everything in it to 0700 / 0600; returns how many entries changed. */
export async function tightenModes(dir: string): Promise<number> {
  let changed = 0;
  await walk(path.resolve(dir), async (file, stats) => {
    const wanted = stats.isDirectory() ? 0o700 : 0o600;
    if ((stats.mode & 0o777) !== wanted) {
      await chmod(file, wanted);
      changed++;
    }
  });
  return changed;
}

/** Depth-first over regular files and folders; symbolic links are neither followed nor changed. */
async function walk(entry: string, visit: (file: string, stats: Stats) => Promise<void>): Promise<void> {
  let stats: Stats;
  try {
    stats = await lstat(entry);
  } catch {
    return; // missing (a fresh install) or gone meanwhile
  }
  if (stats.isSymbolicLink()) return;
  if (stats.isDirectory()) {
    for (const name of await readdir(entry)) await walk(path.join(entry, name), visit);
  }
  if (stats.isDirectory() || stats.isFile()) await visit(entry, stats);
}
