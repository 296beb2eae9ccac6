import "server-only";
/**
 * Seals share tokens so the owner's shares page can show a link again, with the server's
 * `share-link` key (lib/keys: the same on every instance sharing the database). AES-256-GCM: a
 * tampered value fails to open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { serverKey } from "@/lib/keys/server-keys";

const key = () => serverKey("share-link");

export function sealToken(token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

/** The token, or null when the value was sealed with another key (another data folder). */
export function openToken(sealed: string): string | null {
  try {
    const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
    // A full 16-byte tag, always: Node would otherwise accept a tag cut down to 4 bytes.
    const decipher = createDecipheriv("aes-256-gcm", key(), iv, { authTagLength: 16 });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
