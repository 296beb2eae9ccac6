import "server-only";
import { inArray } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { secrets } from "@/lib/db/schema";

/**
 * Offers a value for each named secret and returns the values the database holds: a name seen
 * for the first time takes the offered value, one already present keeps its own. One insert with
 * `on conflict do nothing` then a read, so instances starting together all end up with the value
 * of whichever inserted first.
 */
export async function settleSecrets(db: Queryable, offered: Record<string, string>): Promise<Map<string, string>> {
  const names = Object.keys(offered);
  if (names.length === 0) return new Map();
  await db
    .insert(secrets)
    .values(names.map((name) => ({ name, value: offered[name] })))
    .onConflictDoNothing({ target: secrets.name });
  const rows = await db.select({ name: secrets.name, value: secrets.value }).from(secrets).where(inArray(secrets.name, names));
  return new Map(rows.map((r) => [r.name, r.value]));
}
