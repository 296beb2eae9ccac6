import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { assertValidKey, type BlobStore } from "@/lib/storage/blob-store";

function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === "ENOENT";
}

/** Makes a rename durable: the directory entry itself must reach the disk. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r").catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on directories; the data itself is already synced.
  } finally {
    await handle.close();
  }
}

/**
 * A folder on local disk. `put` writes a temp file in the target's own folder (so the rename
 * stays on one file system), fsyncs it and renames it over the key: a reader sees the old bytes
 * or the new ones, never a half-written file, even after a crash.
 */
export function createLocalBlobStore(rootDir: string): BlobStore {
  const root = path.resolve(rootDir);
  const fileOf = (key: string) => {
    assertValidKey(key);
    return path.join(root, ...key.split("/"));
  };

  return {
    async put(key, bytes) {
      const file = fileOf(key);
      const dir = path.dirname(file);
      await mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
      const handle = await open(tmp, "wx");
      try {
        await handle.writeFile(bytes);
        await handle.sync();
        await handle.close();
        await rename(tmp, file);
      } catch (e) {
        await handle.close().catch(() => {});
        await rm(tmp, { force: true });
        throw e;
      }
      await syncDir(dir);
    },

    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },

    async has(key) {
      try {
        return (await stat(fileOf(key))).isFile();
      } catch (e) {
        if (isMissing(e)) return false;
        throw e;
      }
    },

    async delete(key) {
      try {
        await unlink(fileOf(key));
      } catch (e) {
        if (!isMissing(e)) throw e;
      }
    },
  };
}
