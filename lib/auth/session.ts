/**
 * The sign-in session: a cookie `nova_session=<expires-ms>.<hmac>`, where the HMAC-SHA256 key is
 * derived from PLAYGROUND_PASSWORD and a random server secret ($DATA_DIR/secrets/session.key).
 * Nothing is stored per session; changing the password signs everyone out, and a copied
 * database opens nothing. Verification is constant-time.
 */
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { dataSecret } from "@/lib/secrets/data-secret";

export const SESSION_COOKIE = "nova_session";
export const SESSION_DAYS = 30;

function sessionKey(password: string): Buffer {
  return createHash("sha256").update(dataSecret("session")).update("\0").update(password, "utf8").digest();
}

function sign(password: string, payload: string): string {
  return createHmac("sha256", sessionKey(password)).update(payload).digest("base64url");
}

/** A new session value, valid for SESSION_DAYS. */
export function newSessionValue(password: string, now = Date.now()): string {
  const expires = String(now + SESSION_DAYS * 24 * 60 * 60 * 1000);
  return `${expires}.${sign(password, `v1.${expires}`)}`;
}

export function isValidSessionValue(value: string | undefined, password: string, now = Date.now()): boolean {
  if (!value) return false;
  const dot = value.indexOf(".");
  if (dot <= 0) return false;
  const expires = value.slice(0, dot);
  if (!/^\d{10,16}$/.test(expires) || Number(expires) <= now) return false;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(password, `v1.${expires}`));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Constant-time password check (hashing first makes the lengths equal). */
export function passwordMatches(given: string, password: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(password, "utf8").digest();
  return timingSafeEqual(a, b);
}

/** The access password, or null when the playground is open (loopback only, see scripts/start.mjs). */
export function accessPassword(): string | null {
  const p = env().PLAYGROUND_PASSWORD;
  return p && p.length > 0 ? p : null;
}

/** Reads our cookie out of a Cookie header. */
export function sessionFromCookieHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
