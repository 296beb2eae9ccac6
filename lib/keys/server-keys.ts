import "server-only";
/**
 * The server's random keys: the session signing key, the share-link seal and the device cookie's
 * MAC key. They live in the database (table `secrets`), created once, atomically, so every
 * instance sharing the database signs and opens with the same keys. A database dump therefore
 * opens sessions and share links: backups are as secret as the data folder (SECURITY.md).
 *
 * An install from before the table kept them as files in $DATA_DIR/secrets/<name>.key: those are
 * offered as the first value, so its sessions and share links keep working, and removed once the
 * database holds the same bytes.
 *
 * Loaded once per process (`ensureServerKeys`: at start-up, before any API request or page is
 * checked) and read synchronously after that (`serverKey`), because proxy.ts verifies cookies
 * where nothing may wait on the database for long.
 */
import { randomBytes } from "node:crypto";
import { readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { getDb, type Queryable } from "@/lib/db/client";
import { settleSecrets } from "@/lib/db/secret-queries";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const SERVER_KEY_NAMES = ["session", "device", "share-link"] as const;
export type ServerKeyName = (typeof SERVER_KEY_NAMES)[number];

const KEY_BYTES = 32;

// On globalThis: Next bundles server code more than once, and every copy must see the keys.
const g = globalThis as { __novaServerKeys?: Map<ServerKeyName, Buffer>; __novaServerKeysLoading?: Promise<void> };

/** A loaded key. Throws when the keys were never loaded: a bug, since every entry point loads them first. */
export function serverKey(name: ServerKeyName): Buffer {
  const key = g.__novaServerKeys?.get(name);
  if (!key) throw new Error(`server key "${name}" is not loaded: call ensureServerKeys() first`);
  return key;
}

/** Loads the keys from the app's database once per process; later calls wait for that load. */
export function ensureServerKeys(): Promise<void> {
  if (g.__novaServerKeys) return Promise.resolve();
  if (!g.__novaServerKeysLoading) {
    const loading = getDb().then((db) => loadServerKeys(db, env().DATA_DIR));
    g.__novaServerKeysLoading = loading;
    // A failed load (database not up yet) must not stick: the next request tries again.
    loading.catch(() => {
      if (g.__novaServerKeysLoading === loading) g.__novaServerKeysLoading = undefined;
    });
  }
  return g.__novaServerKeysLoading;
}

/** Settles the keys in `db` (taking in an older install's files from `dataDir`) and caches them. */
export async function loadServerKeys(db: Queryable, dataDir: string): Promise<void> {
  const files = await Promise.all(SERVER_KEY_NAMES.map((name) => readKeyFile(keyFile(dataDir, name))));
  const offered: Record<string, string> = {};
  SERVER_KEY_NAMES.forEach((name, i) => {
    offered[name] = (files[i] ?? randomBytes(KEY_BYTES)).toString("base64url");
  });
  const held = await settleSecrets(db, offered);
  const keys = new Map<ServerKeyName, Buffer>();
  for (const [i, name] of SERVER_KEY_NAMES.entries()) {
    const value = held.get(name);
    const key = value === undefined ? undefined : Buffer.from(value, "base64url");
    if (!key || key.length !== KEY_BYTES) throw new Error(`the database's server key "${name}" is not ${KEY_BYTES} bytes`);
    keys.set(name, key);
    await retireKeyFile(keyFile(dataDir, name), files[i], key);
  }
  g.__novaServerKeys = keys;
}

/** For tests that switch databases between cases: the next `ensureServerKeys` loads again. */
export function forgetServerKeys(): void {
  g.__novaServerKeys = undefined;
  g.__novaServerKeysLoading = undefined;
}

/**
 * Tests of signing and sealing without a database: these keys, or new random ones (as a new
 * install gets) for the names not given. Returns the keys now in use.
 */
export function setServerKeysForTests(given: Partial<Record<ServerKeyName, Buffer>> = {}): Map<ServerKeyName, Buffer> {
  const keys = new Map(SERVER_KEY_NAMES.map((name) => [name, given[name] ?? randomBytes(KEY_BYTES)]));
  g.__novaServerKeys = keys;
  g.__novaServerKeysLoading = undefined;
  return keys;
}

const keyFile = (dataDir: string, name: ServerKeyName) => path.join(dataDir, "secrets", `${name}.key`);

async function readKeyFile(file: string): Promise<Buffer | undefined> {
  try {
    const bytes = await readFile(file);
    if (bytes.length === KEY_BYTES) return bytes;
    log("warn", "server_keys.file_ignored", { file, reason: `not ${KEY_BYTES} bytes` });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  return undefined;
}

/**
 * The file is redundant once the database holds the same bytes. A file that differs (this data
 * folder joined a database another install had already keyed) is kept and reported: the
 * database's key wins, so that folder's old sessions and share links no longer open.
 */
async function retireKeyFile(file: string, fromFile: Buffer | undefined, held: Buffer): Promise<void> {
  if (!fromFile) return;
  if (fromFile.equals(held)) {
    await unlink(file).catch((e) => log("warn", "server_keys.file_not_removed", { file, error: e }));
    return;
  }
  log("warn", "server_keys.file_differs", { file, note: "the database already holds another key; this file is ignored" });
}
