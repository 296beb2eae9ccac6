import "server-only";
import { eq, sql } from "drizzle-orm";
import { BuiltOnce } from "@/lib/db/built-once";
import type { Queryable } from "@/lib/db/client";
import { settings } from "@/lib/db/schema";

/** Settings changed on the Settings page: one JSON value per key (callers validate what they read). */
export async function readSetting(db: Queryable, key: string): Promise<unknown> {
  // Every Run reads the caps: built once (built-once.ts).
  const statement = reads.get("", () => db.select({ value: settings.value }).from(settings).where(eq(settings.key, sql.placeholder("key"))));
  const { rows } = await db.execute<{ value: unknown }>(statement.bind({ key }));
  return rows[0] ? settings.value.mapFromDriverValue(rows[0].value) : undefined;
}

const reads = new BuiltOnce();

export async function writeSetting(db: Queryable, key: string, value: unknown, now: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}
