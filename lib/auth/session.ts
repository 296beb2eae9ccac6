/**
 * The sign-in session cookie: `nova_session=<id>.<expires-ms>.<hmac>`. The id is 24 random
 * bytes; the HMAC-SHA256 key is derived from PLAYGROUND_PASSWORD and the server's random
 * `session` key (lib/keys, shared by every instance through the database), so a forged or
 * tampered cookie fails without a database read (proxy.ts checks pages this way), and changing the password signs everyone out. The session is
 * also a database row (lib/auth/session-store.ts): signing out deletes it, and the API and the
 * owner's pages check it on every request. Verification is constant-time.
 */
import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { serverKey } from "@/lib/keys/server-keys";

export const SESSION_COOKIE = "nova_session";
export const SESSION_DAYS = 30;

export interface SessionClaims {
  id: string;
  expiresAt: number;
}

function sessionKey(password: string): Buffer {
  return createHash("sha256").update(serverKey("session")).update("\0").update(password, "utf8").digest();
}

function sign(password: string, payload: string): string {
  return createHmac("sha256", sessionKey(password)).update(payload).digest("base64url");
}

/** A new session: its cookie value and what it claims (the caller stores the id's hash). */
export function newSessionValue(password: string, now = Date.now()): { value: string; claims: SessionClaims } {
  const id = randomBytes(24).toString("base64url");
  const expiresAt = now + SESSION_DAYS * 24 * 60 * 60 * 1000;
  return { value: `${id}.${expiresAt}.${sign(password, `v2.${id}.${expiresAt}`)}`, claims: { id, expiresAt } };
}

/** The claims of a cookie value signed with this password and not expired, else null. */
export function verifySessionValue(value: string | undefined, password: string, now = Date.now()): SessionClaims | null {
  if (!value) return null;
  const m = /^([A-Za-z0-9_-]{32})\.(\d{10,16})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return null;
  const [, id, expires, sig] = m;
  if (Number(expires) <= now) return null;
  const given = Buffer.from(sig);
  const expected = Buffer.from(sign(password, `v2.${id}.${expires}`));
  return given.length === expected.length && timingSafeEqual(given, expected) ? { id, expiresAt: Number(expires) } : null;
}

/** What the database keeps of a session id. */
export function sessionIdHash(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/** Constant-time password check (hashing first makes the lengths equal). */
export function passwordMatches(given: string, password: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(password, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** The access password, or null when the playground is open (loopback only, see scripts/serve.mjs). */
export function accessPassword(): string | null {
  const p = env().PLAYGROUND_PASSWORD;
  return p && p.length > 0 ? p : null;
}

/** Reads one cookie out of a Cookie header (our session cookie unless told otherwise). */
export function sessionFromCookieHeader(header: string | null, name = SESSION_COOKIE): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
