import { randomBytes } from "node:crypto";
import { chmod, readFile } from "node:fs/promises";
import path from "node:path";
import { isMissing, syncDir, writeFileAtomically } from "@/lib/storage/durable-files";

/**
 * The HMAC secret of the output URLs, kept in the engine's folder (0600) so that URLs signed
 * before a restart still verify after it. Without a folder the engine uses a fresh random secret
 * per process (signed-url.ts).
 */
const FILE = "url-signing.key";
const BYTES = 32;

export async function loadOrCreateSigningSecret(dir: string, warn: (line: string) => void): Promise<Buffer> {
  const file = path.join(dir, FILE);
  try {
    const secret = await readFile(file);
    if (secret.length === BYTES) {
      await chmod(file, 0o600);
      return secret;
    }
    warn(`[engine] ${file} holds ${secret.length} bytes, not ${BYTES}: replaced (URLs signed before this start no longer verify)`);
  } catch (e) {
    if (!isMissing(e)) throw e;
  }
  const secret = randomBytes(BYTES);
  await writeFileAtomically(dir, FILE, secret);
  await syncDir(dir);
  return secret;
}
