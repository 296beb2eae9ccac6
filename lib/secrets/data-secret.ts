import "server-only";
/**
 * Server-held random keys, one file each under `$DATA_DIR/secrets/` (folder 0700, files 0600),
 * created on first use. They live beside the data, not in the database, so a database dump alone
 * opens nothing (share links, sessions). Cached per process on globalThis (Next bundles server
 * code more than once).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const g = globalThis as { __novaSecrets?: Map<string, Buffer> };

export function dataSecret(name: string): Buffer {
  g.__novaSecrets ??= new Map();
  const file = path.join(env().DATA_DIR, "secrets", `${name}.key`);
  const hit = g.__novaSecrets.get(file);
  if (hit) return hit;
  let k: Buffer;
  try {
    k = readFileSync(file);
  } catch {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    k = randomBytes(32);
    // "wx": if another process created it meanwhile, keep theirs.
    try {
      writeFileSync(file, k, { mode: 0o600, flag: "wx" });
    } catch {
      k = readFileSync(file);
    }
  }
  if (k.length !== 32) throw new Error(`${file} must hold 32 bytes`);
  g.__novaSecrets.set(file, k);
  return k;
}

/** For tests that switch DATA_DIR between cases. */
export function forgetDataSecrets(): void {
  g.__novaSecrets = undefined;
}
