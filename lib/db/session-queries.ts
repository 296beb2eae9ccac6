import "server-only";
import { and, eq, gt, lte } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";

/** Sign-in sessions by the SHA-256 of their id (the id itself is only in the browser's cookie). */
export async function insertSession(db: Queryable, idHash: string, expiresAt: Date): Promise<void> {
  await db.insert(sessions).values({ idHash, expiresAt });
}

export async function sessionIsLive(db: Queryable, idHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .select({ idHash: sessions.idHash })
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows.length > 0;
}

export async function deleteSession(db: Queryable, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Signs every browser out; returns how many sessions there were. */
export async function deleteAllSessions(db: Queryable): Promise<number> {
  return (await db.delete(sessions).returning({ idHash: sessions.idHash })).length;
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.delete(sessions).where(lte(sessions.expiresAt, now));
}
