import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Complete-or-absent files, for the blob store (local-blob-store.ts) and the offline engine's job
 * folder (lib/emulator/job-disk.ts): a temp file in the target's own folder (so the rename stays
 * on one file system), fsync, rename over the name, fsync of the folder. A reader, or the next
 * start after a crash, sees the whole file or none of it. Files are 0600 and folders made here
 * 0700: they hold users' images and the engine's URL-signing secret.
 */

/** The name of a write in progress; one left behind was cut short by a crash (data-dir.ts sweeps them). */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Creates the folder (and its parents) if needed and makes it private to this user. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing folder's mode alone; an older or hand-made folder is tightened too.
  await chmod(dir, 0o700);
}

/** Writes `bytes` to dir/name, complete or absent. The caller syncs the folder (see syncDir). */
export async function writeFileAtomically(dir: string, name: string, bytes: Buffer | string): Promise<void> {
  const tmp = path.join(dir, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(tmp, "wx", 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    await rename(tmp, path.join(dir, name));
  } catch (e) {
    await handle.close().catch(() => {});
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Makes renames and new names in the folder durable: the directory entry must reach the disk. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on directories; the file data itself is already synced.
  } finally {
    await handle.close();
  }
}

/** Deletes the temp files a crash left behind mid-write (their target names were never touched). */
export async function sweepTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (TEMP_FILE.test(name)) await rm(path.join(dir, name), { force: true });
  }
}

export function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === "ENOENT";
}
