import "server-only";
import { createHash } from "node:crypto";
import type { TablePlan } from "@/lib/move/plan";
import { ident, type SqlConn } from "@/lib/move/sql-conn";

/**
 * A fingerprint of each row: md5 of the row as canonical JSON text (jsonb sorts keys; both sides
 * print in UTC with the same float precision, see sql-conn.ts), or of the plan's `compare`
 * columns. Two databases hold the same rows exactly when the sorted lists are equal; the lists
 * also tell which side has rows the other lacks. Sorted here, not in SQL, so that the two
 * servers' collations cannot order them differently.
 */
export async function rowHashes(conn: SqlConn, table: TablePlan): Promise<string[]> {
  const rows = await conn.query<{ h: string }>(`select md5(${rowJson(table, "t")}::text) as h from ${ident(table.name)} t`);
  return rows.map((r) => r.h).sort();
}

/** The same fingerprint for rows given as JSON objects (the secrets made from `.key` files). */
export async function jsonRowHashes(conn: SqlConn, table: TablePlan, rows: Record<string, unknown>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const out = await conn.query<{ h: string }>(
    `select md5(${rowJson(table, "t")}::text) as h from jsonb_populate_recordset(null::${ident(table.name)}, $1::jsonb) t`,
    [JSON.stringify(rows)],
  );
  return out.map((r) => r.h).sort();
}

function rowJson(table: TablePlan, alias: string): string {
  if (!table.compare) return `to_jsonb(${alias})`;
  return `jsonb_build_object(${table.compare.map((c) => `'${c.replace(/'/g, "''")}', ${alias}.${ident(c)}`).join(", ")})`;
}

/** Hashes in `a` missing from `b` (both sorted; a repeated hash counts each time). */
export function missingFrom(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let missing = 0;
  while (i < a.length) {
    if (j >= b.length || a[i] < b[j]) {
      missing++;
      i++;
    } else if (a[i] === b[j]) {
      i++;
      j++;
    } else {
      j++;
    }
  }
  return missing;
}

/** One short digest of a table's rows, printed in the summary (the same on both sides when they match). */
export function tableDigest(hashes: readonly string[]): string {
  return createHash("sha256").update(hashes.join("\n")).digest("hex").slice(0, 16);
}
