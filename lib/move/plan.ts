import "server-only";
import { MoveError } from "@/lib/move/move-error";
import type { SqlConn } from "@/lib/move/sql-conn";

/**
 * What the move copies: every table of the `public` schema, read from the database's own catalog
 * (so a table added by a later migration is moved without anyone remembering to list it), in an
 * order where each table comes after the tables its foreign keys point at. Drizzle's bookkeeping
 * (schema `drizzle`) is not copied: the target is migrated by the app's own migrator.
 */
export interface TablePlan {
  name: string;
  /** Columns written on insert, in table order (generated columns are left to the database). */
  columns: string[];
  /** Rows are read and written in this key's order; every table needs one to be re-runnable. */
  primaryKey: string[];
  /** Tables this one's foreign keys point at (itself excluded). */
  references: string[];
  /** bigserial columns, whose sequences must be set past the copied ids. */
  serials: { column: string; sequence: string }[];
  /**
   * Columns whose values decide whether a row arrived intact; null: the whole row. `secrets` is
   * compared by name and value only: rows made from the `.key` files get the target's created_at.
   */
  compare: string[] | null;
}

const COMPARE_ONLY: Record<string, string[]> = { secrets: ["name", "value"] };

interface ColumnRow {
  table: string;
  column: string;
  generated: boolean;
}

export async function planTables(conn: SqlConn): Promise<TablePlan[]> {
  const columns = await conn.query<ColumnRow>(
    `select c.relname as table, a.attname as column, a.attgenerated <> '' as generated
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by c.relname, a.attnum`,
  );
  const keys = await conn.query<{ table: string; column: string }>(
    `select c.relname as table, a.attname as column
       from pg_index i
       join pg_class c on c.oid = i.indrelid
       join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where i.indisprimary and n.nspname = 'public'
      order by c.relname, k.ord`,
  );
  const fks = await conn.query<{ table: string; references: string }>(
    `select distinct c.relname as table, f.relname as references
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_class f on f.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`,
  );
  const serials = await conn.query<{ table: string; column: string; sequence: string }>(
    `select c.relname as table, a.attname as column,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null`,
  );

  const tables = new Map<string, TablePlan>();
  for (const c of columns) {
    const t = tables.get(c.table) ?? { name: c.table, columns: [], primaryKey: [], references: [], serials: [], compare: COMPARE_ONLY[c.table] ?? null };
    if (!c.generated) t.columns.push(c.column);
    tables.set(c.table, t);
  }
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.column);
  for (const f of fks) if (f.table !== f.references) tables.get(f.table)?.references.push(f.references);
  for (const s of serials) tables.get(s.table)?.serials.push({ column: s.column, sequence: s.sequence });

  const noKey = [...tables.values()].filter((t) => t.primaryKey.length === 0).map((t) => t.name);
  if (noKey.length > 0) throw new MoveError(`table ${noKey.join(", ")} has no primary key: the move copies in key order so that it can be run again`);
  return inForeignKeyOrder([...tables.values()]);
}

/** Parents before children; among tables that are ready together, by name (a stable order). */
export function inForeignKeyOrder(tables: TablePlan[]): TablePlan[] {
  const left = new Map(tables.map((t) => [t.name, t]));
  const out: TablePlan[] = [];
  while (left.size > 0) {
    const ready = [...left.values()].filter((t) => t.references.every((r) => !left.has(r))).sort((a, b) => a.name.localeCompare(b.name));
    if (ready.length === 0) throw new MoveError(`foreign keys form a cycle between ${[...left.keys()].sort().join(", ")}: no order copies them`);
    for (const t of ready) {
      out.push(t);
      left.delete(t.name);
    }
  }
  return out;
}

/**
 * The source and the target must have the same tables and columns, or rows would not fit: both
 * are migrated by this checkout, so a difference means the target was migrated by another version.
 */
export function assertSamePlan(source: TablePlan[], target: TablePlan[]): void {
  const shape = (t: TablePlan) => `${t.name}(${t.columns.join(", ")})`;
  const theirs = new Map(target.map((t) => [t.name, shape(t)]));
  const differ = source.filter((t) => theirs.get(t.name) !== shape(t)).map((t) => t.name);
  const extra = target.filter((t) => !source.some((s) => s.name === t.name)).map((t) => t.name);
  if (differ.length + extra.length === 0) return;
  throw new MoveError(
    `the target's tables differ from the source's (${[...differ, ...extra].join(", ")}): it was migrated by another version of the app. ` +
      "Run the move from a checkout of the version the target runs.",
  );
}
