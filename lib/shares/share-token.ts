import "server-only";
/**
 * Share link tokens: 128 random bits, base64url (22 characters). Only the SHA-256 of a token is
 * stored, and a lookup hashes what it is given, so neither a database dump nor a timing probe
 * reveals a working link.
 */
import { createHash, randomBytes } from "node:crypto";

export function newShareToken(): string {
  return randomBytes(16).toString("base64url");
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Shape check before touching the database: 22 base64url characters. */
export function looksLikeShareToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(token);
}
