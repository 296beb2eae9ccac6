import "server-only";
import { protocol, types, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";

/**
 * The PGlite handle drizzle is given (lib/db/client.ts): the same `query` and `transaction`,
 * run as prepared statements in one protocol exchange each.
 *
 * PGlite's own `query` sends Parse, Describe, Bind, Describe, Execute and Sync as six separate
 * calls into Postgres, and parses and plans the statement again every time: about 250 µs of CPU
 * for a one-row lookup, which made PGlite about a third of the app's CPU per submit
 * (BENCHMARKS.md, "App CPU per submit"). Here each SQL text is parsed once as a named statement
 * (Parse + Describe, which also gives its parameter and result types); after that a query is
 * Bind + Execute + Sync in one call, about 50 µs for the same lookup. Values are serialized and
 * rows parsed with PGlite's own serializers and parsers, so results are the same as before.
 *
 * Locking is PGlite's: a query outside a transaction waits for any open transaction and for any
 * other query (as `PGlite.query` does). `transaction(fn)` holds PGlite's transaction lock to the
 * end, as PGlite's own does, but sends BEGIN with the transaction's first statement and COMMIT
 * as one call (PGlite's sends each as a query and a Sync: four calls into Postgres per
 * transaction where these are one). Each exchange is one synchronous call into Postgres that
 * ends with Sync, so queries of the transaction run concurrently (Promise.all) can only take
 * turns between whole exchanges.
 *
 * PGlite's file system sync after a query is not asked for: the server's databases live on its
 * NodeFS (or in memory, in tests), whose sync does nothing; only a browser's would need it.
 *
 * Statements are kept per SQL text, 200 at most (the least recently used is closed first): texts
 * that differ only in the length of an IN list are different statements.
 */
export type PgliteClient = Pick<PGlite, "query" | "transaction" | "exec">;

const { serialize } = protocol;

/**
 * The advisory lock that serializes admissions and budget decisions between connections
 * (run-admission.ts, rate-queries.ts). PGlite is one connection that runs one transaction at a
 * time (PGlite.transaction holds its lock to the end), so the lock is always free and answered
 * here, as Postgres would answer it, without a round trip.
 */
const XACT_LOCK = "select pg_advisory_xact_lock($1)";
const XACT_LOCK_RESULT: Results<unknown> = { rows: [{ pg_advisory_xact_lock: "" }], fields: [{ name: "pg_advisory_xact_lock", dataTypeID: 2278 }], affectedRows: 0 };
/** SQLSTATE of "cached plan must not change result type" (a table changed under a kept statement). */
const PLAN_RESULT_CHANGED = "0A000";

interface Statement {
  name: string;
  paramTypes: number[];
  /** Names and types of the result columns; empty for a statement that returns no rows. */
  fields: { name: string; dataTypeID: number }[];
}

type Message = { name: string } & Record<string, unknown>;

export interface PreparedOptions {
  /** How many statements are kept (tests make it small). */
  maxStatements?: number;
}

export function withPreparedStatements(pg: PGlite, { maxStatements = 200 }: PreparedOptions = {}): PgliteClient {
  const statements = new Map<string, Statement>();
  // Two queries of one transaction may ask for the same new text at once: it is prepared once.
  const preparing = new Map<string, Promise<Statement>>();
  let counter = 0;

  /**
   * One call into Postgres. In a transaction not begun yet, BEGIN goes first in the same call:
   * decided here, in the same synchronous step as the call (execProtocol runs it before its first
   * await), so a concurrent query of the transaction can never be sent ahead of BEGIN.
   */
  const exchange = async (message: Uint8Array, tx: OpenTransaction | null, options?: QueryOptions): Promise<Message[]> => {
    const begin = tx !== null && !tx.begun;
    if (tx) tx.begun = true;
    const { messages } = await pg.execProtocol(begin ? concat([BEGIN, message]) : message, { syncToFs: false, onNotice: options?.onNotice });
    return messages as unknown as Message[];
  };

  const close = (name: string, tx: OpenTransaction | null) => exchange(concat([serialize.close({ type: "S", name }), serialize.sync()]), tx);

  async function prepare(text: string, tx: OpenTransaction | null): Promise<Statement> {
    const name = `nova_${++counter}`;
    const messages = await exchange(concat([serialize.parse({ name, text, types: [] }), serialize.describe({ type: "S", name }), serialize.sync()]), tx);
    const params = messages.find((m) => m.name === "parameterDescription") as { dataTypeIDs?: number[] } | undefined;
    const row = messages.find((m) => m.name === "rowDescription") as { fields?: { name: string; dataTypeID: number }[] } | undefined;
    const statement: Statement = {
      name,
      paramTypes: params?.dataTypeIDs ?? [],
      fields: (row?.fields ?? []).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
    };
    statements.set(text, statement);
    if (statements.size > maxStatements) {
      // The least recently used (a Map iterates in insertion order; a hit moves its entry last).
      const [oldText, old] = statements.entries().next().value as [string, Statement];
      statements.delete(oldText);
      await close(old.name, tx);
    }
    return statement;
  }

  function statementFor(text: string, tx: OpenTransaction | null): Promise<Statement> {
    const known = statements.get(text);
    if (known) {
      statements.delete(text);
      statements.set(text, known);
      return Promise.resolve(known);
    }
    let pending = preparing.get(text);
    if (!pending) {
      pending = prepare(text, tx).finally(() => preparing.delete(text));
      preparing.set(text, pending);
    }
    return pending;
  }

  /** A table changed under a kept statement: it is made again next time, and this one let go. */
  async function forget(text: string, tx: OpenTransaction | null): Promise<void> {
    const stale = statements.get(text);
    if (!stale) return;
    statements.delete(text);
    await close(stale.name, tx).catch(() => undefined);
  }

  async function run<T>(text: string, params: unknown[] = [], options: QueryOptions | undefined, tx: OpenTransaction | null): Promise<Results<T>> {
    if (text === XACT_LOCK) return XACT_LOCK_RESULT as Results<T>;
    try {
      const statement = await statementFor(text, tx);
      const values = params.map((value, i) => serializeValue(pg, value, statement.paramTypes[i], options));
      const bound = concat([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]);
      return toResults<T>(pg, await exchange(bound, tx, options), statement.fields, options);
    } catch (e) {
      if ((e as { code?: string }).code === PLAN_RESULT_CHANGED) await forget(text, tx);
      // As PGlite's own query: the error says which query failed.
      throw Object.assign(e as Error, { query: text, params, queryOptions: options });
    }
  }

  /** What PGlite's own path does with options this one does not handle (a COPY blob, given types). */
  const plain = (options?: QueryOptions) => options?.blob !== undefined || options?.paramTypes !== undefined;

  async function transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    await pg._checkReady();
    return pg._runExclusiveTransaction(async () => {
      const open: OpenTransaction = { begun: false, closed: false };
      const end = async (command: "COMMIT" | "ROLLBACK"): Promise<void> => {
        if (open.closed) return;
        open.closed = true;
        // Nothing was sent: there is no transaction in Postgres to end.
        if (!open.begun) return;
        const messages = await exchange(serialize.query(command), null);
        // COMMIT of a transaction an error has aborted answers ROLLBACK: its writes are gone.
        if (command === "COMMIT" && messages.some((m) => m.name === "commandComplete" && m.text === "ROLLBACK")) {
          throw new Error("The transaction was rolled back: a statement in it had failed.");
        }
      };
      const refuseClosed = () => {
        if (open.closed) throw new Error("Transaction is closed");
      };
      const tx: Transaction = {
        query: async <T>(text: string, params?: unknown[], options?: QueryOptions) => {
          refuseClosed();
          if (plain(options)) throw new Error("COPY blobs and given parameter types are not supported in a transaction here.");
          return run<T>(text, params, options, open);
        },
        sql: async () => {
          throw new Error("Use query() in a transaction here.");
        },
        exec: async () => {
          throw new Error("Use query() in a transaction here.");
        },
        rollback: () => end("ROLLBACK"),
        listen: async () => {
          throw new Error("LISTEN is not supported in a transaction here.");
        },
        get closed() {
          return open.closed;
        },
      };
      try {
        const result = await fn(tx);
        await end("COMMIT");
        return result;
      } catch (e) {
        await end("ROLLBACK").catch(() => undefined);
        throw e;
      }
    });
  }

  return {
    query: <T>(text: string, params?: unknown[], options?: QueryOptions) =>
      plain(options)
        ? pg.query<T>(text, params, options)
        : pg._checkReady().then(() => pg._runExclusiveTransaction(() => pg._runExclusiveQuery(() => run<T>(text, params, options, null)))),
    transaction,
    exec: pg.exec.bind(pg),
  };
}

/** A transaction of `withPreparedStatements`: whether BEGIN has been sent, whether it has ended. */
interface OpenTransaction {
  begun: boolean;
  closed: boolean;
}

const BEGIN = protocol.serialize.query("BEGIN");

/** As PGlite's query does: null stays null, else the serializer of the parameter's type, else toString. */
function serializeValue(pg: PGlite, value: unknown, type: number | undefined, options: QueryOptions | undefined): string | null {
  if (value === null || value === undefined) return null;
  const serializer = type === undefined ? undefined : (options?.serializers?.[type] ?? pg.serializers[type]);
  return serializer ? (serializer(value) as string) : String(value);
}

const COUNTED = new Set(["INSERT", "UPDATE", "DELETE", "COPY", "MERGE"]);

/** The rows of one exchange, parsed as PGlite's parseResults parses them (its `rowMode`, its parsers). */
function toResults<T>(pg: PGlite, messages: Message[], fields: Statement["fields"], options: QueryOptions | undefined): Results<T> {
  const parsers = fields.map((f) => options?.parsers?.[f.dataTypeID] ?? pg.parsers[f.dataTypeID] ?? types.parsers[f.dataTypeID]);
  const parse = (raw: (string | null)[]) => raw.map((v, i) => (v === null ? null : parsers[i] ? parsers[i](v, fields[i].dataTypeID) : v));
  const rows: unknown[] = [];
  const result: Results<T> = { rows: rows as Results<T>["rows"], fields, affectedRows: 0 };
  for (const m of messages) {
    if (m.name === "dataRow") {
      const values = parse(m.fields as (string | null)[]);
      rows.push(options?.rowMode === "array" ? values : Object.fromEntries(values.map((v, i) => [fields[i].name, v])));
    } else if (m.name === "commandComplete") {
      const words = (m.text as string).split(" ");
      const n = parseInt(words[words.length - 1], 10);
      result.command = words[0];
      if (COUNTED.has(words[0]) && !Number.isNaN(n)) result.affectedRows = n;
      if (!Number.isNaN(n)) (result as { rowCount?: number }).rowCount = n;
    }
  }
  return result;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
