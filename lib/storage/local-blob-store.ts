import "server-only";
import { access, constants, mkdir, open, readFile, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { assertValidKey, type BlobStore } from "@/lib/storage/blob-store";
import { isMissing, syncDir, writeFileAtomically } from "@/lib/storage/durable-files";

/**
 * A folder on local disk. `put` writes complete-or-absent (durable-files.ts): a reader sees the
 * old bytes or the new ones, never a half-written file, even after a crash.
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
      await writeFileAtomically(dir, path.basename(file), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      await syncDir(dir);
    },

    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (e) {
        if (isNotABlob(e)) return null;
        throw e;
      }
    },

    async getStream(key) {
      let handle;
      try {
        handle = await open(fileOf(key), "r");
      } catch (e) {
        if (isNotABlob(e)) return null;
        throw e;
      }
      try {
        // Size and bytes from the one open file: a put that renames a new file into place
        // meanwhile does not change what this reader sees.
        const info = await handle.stat();
        if (!info.isFile()) {
          await handle.close();
          return null;
        }
        // autoClose: the file is closed at the end, on an error, or when the reader cancels.
        const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
        return { body, size: info.size };
      } catch (e) {
        await handle.close();
        throw e;
      }
    },

    async has(key) {
      try {
        return (await stat(fileOf(key))).isFile();
      } catch (e) {
        if (isNotABlob(e)) return false;
        throw e;
      }
    },

    async delete(key) {
      try {
        await unlink(fileOf(key));
      } catch (e) {
        if (!isNotABlob(e)) throw e;
      }
    },

    async checkReady() {
      try {
        await mkdir(root, { recursive: true });
        await access(root, constants.W_OK);
      } catch (e) {
        throw new Error(`the image folder ${root} cannot be written (${(e as NodeJS.ErrnoException).code ?? "error"})`);
      }
    },
  };
}

/**
 * No file under this key: nothing there (ENOENT), a folder of other keys (EISDIR), or a file
 * where a folder of the path would be (ENOTDIR). S3 answers all three with "no such key".
 */
function isNotABlob(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return isMissing(e) || code === "EISDIR" || code === "ENOTDIR";
}
