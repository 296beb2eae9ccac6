import "server-only";
import type { TablePlan } from "@/lib/move/plan";
import { missingFrom, rowHashes, tableDigest } from "@/lib/move/row-hashes";
import type { SqlConn } from "@/lib/move/sql-conn";

export interface TableCheck {
  table: string;
  /** Rows the source holds (with the secrets made from `.key` files). */
  source: number;
  target: number;
  /** Source rows the target lacks, or holds with other values. */
  missing: number;
  /** Target rows that are not the source's. */
  extra: number;
  /** Digest of the source's rows; the target's is the same when nothing is missing or extra. */
  digest: string;
}

/** Compares the target's rows with what the source holds, table by table, by row fingerprints. */
export async function checkTables(target: SqlConn, plan: readonly TablePlan[], expected: ReadonlyMap<string, string[]>): Promise<TableCheck[]> {
  const out: TableCheck[] = [];
  for (const table of plan) {
    const want = expected.get(table.name) ?? [];
    const have = await rowHashes(target, table);
    out.push({
      table: table.name,
      source: want.length,
      target: have.length,
      missing: missingFrom(want, have),
      extra: missingFrom(have, want),
      digest: tableDigest(want),
    });
  }
  return out;
}
