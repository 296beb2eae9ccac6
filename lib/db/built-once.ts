import "server-only";
import { getTableColumns, is, Param, Placeholder, sql, type SQL, type Table } from "drizzle-orm";

/**
 * Statements drizzle builds once and that then run many times with new values. Building is not
 * free: a run's insert (32 columns written and returned) took 180 µs to build and far less to run
 * on PGlite, on every submit (BENCHMARKS.md, "App CPU per submit"). A statement cached here is
 * built with `sql.placeholder(name)` for every value that changes; each run binds the values to
 * the text drizzle made, as a prepared statement would, and its rows are decoded by the table's
 * own columns, as drizzle decodes a `returning()`.
 *
 * The text depends on which values a statement has (an insert lists the columns it is given), so
 * callers key statements by that shape. A value that is not a placeholder would be kept from the
 * first build and sent again every time: building refuses it.
 */
/** Values of a statement's builder: each the value itself, or its placeholder in a statement built once. */
export type OrPlaceholder<T> = { [K in keyof T]: T[K] | Placeholder };

export class BuiltOnce {
  private readonly statements = new Map<string, Bindable>();

  /** The statement of this shape, built by `build` the first time the shape is asked for. */
  get(shape: string, build: () => { toSQL(): { sql: string; params: unknown[] } }): Bindable {
    let statement = this.statements.get(shape);
    if (!statement) {
      statement = new Bindable(build().toSQL());
      this.statements.set(shape, statement);
    }
    return statement;
  }
}

export class Bindable {
  private readonly strings: TemplateStringsArray;
  private readonly params: unknown[];

  constructor(query: { sql: string; params: unknown[] }) {
    const parts = query.sql.split(/\$(\d+)/);
    const texts = parts.filter((_, i) => i % 2 === 0);
    const numbers = parts.filter((_, i) => i % 2 === 1).map(Number);
    // Drizzle numbers parameters in the order they appear; anything else (a `$1` inside a literal)
    // would bind values to the wrong places.
    if (numbers.length !== query.params.length || numbers.some((n, i) => n !== i + 1)) {
      throw new Error(`A statement to build once must use each of its parameters once, in order: ${query.sql}`);
    }
    for (const p of query.params) {
      if (!(is(p, Placeholder) || (is(p, Param) && is(p.value, Placeholder)))) {
        throw new Error(`A statement to build once takes placeholders only; it was given ${JSON.stringify(p)} in ${query.sql}`);
      }
    }
    this.strings = Object.assign(texts, { raw: texts });
    this.params = query.params;
  }

  /**
   * The statement with these values, to execute: each encoded by its column as drizzle encodes a
   * value it builds in (null stays NULL; drizzle's own fillPlaceholders would hand null to the
   * encoder, which fails for a timestamp and makes JSON `null` of a jsonb).
   */
  bind(values: Record<string, unknown>): SQL {
    const bound = this.params.map((p) => {
      const name = is(p, Param) ? (p.value as Placeholder).name : (p as Placeholder).name;
      if (!(name in values)) throw new Error(`No value for placeholder "${name}"`);
      const value = values[name];
      return value === null || value === undefined || !is(p, Param) ? (value ?? null) : p.encoder.mapToDriverValue(value);
    });
    return sql(this.strings, ...bound);
  }
}

/** A placeholder for each of these values, by its own name (an insert's values, an update's set). */
export function placeholders(names: string[]): Record<string, Placeholder> {
  return Object.fromEntries(names.map((name) => [name, sql.placeholder(name)]));
}

/** A raw row of `table` (column names, driver values) as drizzle returns it from a select. */
export function rowOf<T extends Table>(table: T, raw: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}
