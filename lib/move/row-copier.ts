import "server-only";
import type { TablePlan } from "@/lib/move/plan";
import { ident, type SqlConn } from "@/lib/move/sql-conn";

export interface TableCopy {
  table: string;
  /** Rows the source holds. */
  rows: number;
  /** Rows this run wrote; the rest were in the target already (an earlier, interrupted run). */
  inserted: number;
}

export interface CopyTableOptions {
  pageSize: number;
  /** After each page, with the rows read and written so far; may throw to stop (tests). */
  onPage?: (done: number, inserted: number, pageRows: number) => void;
}

/**
 * Copies one table in primary-key order, a page at a time. Each page is one INSERT (all or
 * nothing) with `on conflict do nothing`, so a run cut short anywhere leaves whole pages behind
 * and the next run writes exactly the rows still missing. Pages travel as JSON text built by the
 * source (`to_jsonb`) and taken apart by the target (`jsonb_populate_recordset` of the table's
 * own row type): every value keeps its exact type and digits.
 */
export async function copyTable(source: SqlConn, target: SqlConn, table: TablePlan, opts: CopyTableOptions): Promise<TableCopy> {
  const t = ident(table.name);
  const key = table.primaryKey.map(ident).join(", ");
  const keyOf = (alias: string) => table.primaryKey.map((c) => `${alias}.${ident(c)}`).join(", ");
  const keyDesc = table.primaryKey.map((c) => `${ident(c)} desc`).join(", ");
  const lastKey = `jsonb_build_object(${table.primaryKey.map((c) => `'${c.replace(/'/g, "''")}', ${ident(c)}`).join(", ")})`;
  const cols = table.columns.map(ident).join(", ");

  // The next page starts after the last key of the previous one (keyset paging: no OFFSET).
  const pageSql = (after: boolean) => `
    with page as (
      select * from ${t}
      ${after ? `where (${key}) > (select ${key} from jsonb_populate_record(null::${t}, $2::jsonb))` : ""}
      order by ${key}
      limit $1
    )
    select (select count(*)::int from page) as n,
           (select coalesce(jsonb_agg(to_jsonb(p) order by ${keyOf("p")}), '[]'::jsonb)::text from page p) as rows,
           (select ${lastKey}::text from page order by ${keyDesc} limit 1) as last`;
  const insertSql = `
    with ins as (
      insert into ${t} (${cols})
      select ${cols} from jsonb_populate_recordset(null::${t}, $1::jsonb)
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from ins`;

  const [{ n: total }] = await source.query<{ n: number }>(`select count(*)::int as n from ${t}`);
  let done = 0;
  let inserted = 0;
  let last: string | null = null;
  for (;;) {
    const params: unknown[] = last === null ? [opts.pageSize] : [opts.pageSize, last];
    const [page]: { n: number; rows: string; last: string | null }[] = await source.query<{ n: number; rows: string; last: string | null }>(pageSql(last !== null), params);
    if (page.n === 0) break;
    const [{ n }] = await target.query<{ n: number }>(insertSql, [page.rows]);
    done += page.n;
    inserted += n;
    last = page.last;
    opts.onPage?.(done, inserted, page.n);
    if (page.n < opts.pageSize) break;
  }
  return { table: table.name, rows: total, inserted };
}
