import "server-only";
import type { TablePlan } from "@/lib/move/plan";
import { ident, type SqlConn } from "@/lib/move/sql-conn";

export interface SequenceCheck {
  sequence: string;
  /** The largest id in the table (null: empty). */
  maxId: number | null;
  /** The id the next insert will get. */
  next: number;
  ok: boolean;
}

/**
 * Copied rows keep their ids, so the target's sequences must move past them or the app's next
 * insert would collide. Never moves one backwards (a non-empty target may be ahead already).
 */
export async function setSequencesPastMax(target: SqlConn, plan: readonly TablePlan[]): Promise<void> {
  for (const t of plan) {
    for (const s of t.serials) {
      await target.query(
        `select setval($1::regclass, m, true)
           from (select max(${ident(s.column)}) as m from ${ident(t.name)}) x
          where m is not null and m >= (select case when is_called then last_value else last_value - 1 end from ${s.sequence})`,
        [s.sequence],
      );
    }
  }
}

export async function checkSequences(target: SqlConn, plan: readonly TablePlan[]): Promise<SequenceCheck[]> {
  const out: SequenceCheck[] = [];
  for (const t of plan) {
    for (const s of t.serials) {
      const [row] = await target.query<{ max: string | null; last: string; called: boolean }>(
        `select (select max(${ident(s.column)}) from ${ident(t.name)})::text as max, last_value::text as last, is_called as called from ${s.sequence}`,
      );
      const maxId = row.max === null ? null : Number(row.max);
      const next = Number(row.last) + (row.called ? 1 : 0);
      out.push({ sequence: `${t.name}.${s.column}`, maxId, next, ok: maxId === null || next > maxId });
    }
  }
  return out;
}
