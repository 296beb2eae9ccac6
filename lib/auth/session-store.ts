/**
 * Sessions as database rows: created at sign-in, checked on every API request and owner page,
 * deleted at sign-out ("sign out everywhere" deletes them all). Only the id's SHA-256 is stored.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { deleteAllSessions, deleteExpiredSessions, deleteSession, insertSession, sessionIsLive } from "@/lib/db/session-queries";
import { accessPassword, newSessionValue, sessionFromCookieHeader, sessionIdHash, verifySessionValue } from "@/lib/auth/session";

/** Starts a session: stores it and returns the cookie value. Expired rows are swept on the way. */
export async function startSession(password: string): Promise<{ value: string; expiresAt: Date }> {
  const db = await getDb();
  const now = new Date();
  await deleteExpiredSessions(db, now);
  const { value, claims } = newSessionValue(password, now.getTime());
  const expiresAt = new Date(claims.expiresAt);
  await insertSession(db, sessionIdHash(claims.id), expiresAt);
  return { value, expiresAt };
}

/** True when the Cookie header carries a session that is signed, unexpired and not signed out. */
export async function hasLiveSession(cookieHeader: string | null): Promise<boolean> {
  const password = accessPassword();
  if (!password) return false;
  const claims = verifySessionValue(sessionFromCookieHeader(cookieHeader), password);
  if (!claims) return false;
  return sessionIsLive(await getDb(), sessionIdHash(claims.id), new Date());
}

/** Ends the session the Cookie header carries, if it is one of ours. */
export async function endSession(cookieHeader: string | null): Promise<void> {
  const password = accessPassword();
  const claims = password ? verifySessionValue(sessionFromCookieHeader(cookieHeader), password) : null;
  if (claims) await deleteSession(await getDb(), sessionIdHash(claims.id));
}

/** Ends every session; returns how many there were. */
export async function endAllSessions(): Promise<number> {
  return deleteAllSessions(await getDb());
}
