import { PGlite, types } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPreparedStatements, type PgliteClient } from "./pglite-prepared";

/**
 * The prepared-statement client (pglite-prepared.ts) must answer exactly as PGlite's own query
 * does (drizzle reads rows, fields and affectedRows), keep PGlite's locking, and keep its set
 * of statements bounded.
 */
let pg: PGlite;
let client: PgliteClient;

const statementCount = async () => (await pg.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements")).rows[0].n;

beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
  await pg.exec(`
    create table t (id serial primary key, name text not null, meta jsonb, at timestamptz, n bigint, tags text[]);
    insert into t (name, meta, at, n, tags) values ('a', '{"k": 1}', '2026-07-01T10:00:00Z', 9007199254740993, '{x,y}'), ('b', null, null, null, null);`);
  client = withPreparedStatements(pg, { maxStatements: 3 });
});

afterAll(async () => {
  await pg.close();
});

describe("withPreparedStatements", () => {
  const select = "select id, name, meta, at, n, tags from t where id >= $1 order by id";
  const drizzleParsers = { [types.TIMESTAMPTZ]: (v: string) => v };

  it.each([
    ["objects", { rowMode: "object" as const }],
    ["arrays, drizzle's parsers", { rowMode: "array" as const, parsers: drizzleParsers }],
  ])("gives the rows and fields PGlite's query gives (%s), the second time too", async (_label, options) => {
    const expected = await pg.query(select, [1], options);
    expect((await client.query(select, [1], options)).rows).toEqual(expected.rows);
    const again = await client.query(select, [1], options);
    expect(again.rows).toEqual(expected.rows);
    expect(again.fields).toEqual(expected.fields);
    expect(again.affectedRows).toBe(expected.affectedRows);
  });

  it("serializes parameters as PGlite does (json, dates, arrays, null)", async () => {
    const text = "insert into t (name, meta, at, tags, n) values ($1, $2, $3, $4, $5) returning name, meta, at, tags, n";
    const params = ["c", { deep: [1, "2"] }, new Date("2026-07-02T00:00:00Z"), ["p", "q"], null];
    const ours = await client.query(text, params);
    const theirs = await pg.query(text, params);
    expect(ours.rows).toEqual(theirs.rows);
    expect(ours.affectedRows).toBe(1);
    expect(ours.rows[0]).toMatchObject({ meta: { deep: [1, "2"] }, tags: ["p", "q"], n: null });
  });

  it("counts the rows an update changed", async () => {
    const res = await client.query("update t set name = name where name in ($1, $2)", ["a", "b"]);
    expect(res.affectedRows).toBe(2);
    expect(res.rows).toEqual([]);
  });

  it("fails with Postgres's error, naming the query, and keeps working afterwards", async () => {
    const err = await client.query("insert into t (id, name) values ($1, $2)", [1, "dup"]).catch((e) => e);
    expect(err).toMatchObject({ code: "23505", query: "insert into t (id, name) values ($1, $2)" });
    const bad = await client.query("selec 1").catch((e) => e);
    expect(bad).toMatchObject({ code: "42601" });
    expect((await client.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
  });

  it("runs a transaction's queries inside it: committed together, or rolled back together", async () => {
    await client.transaction(async (tx) => {
      await tx.query("insert into t (name) values ($1)", ["tx1"]);
      await tx.query("insert into t (name) values ($1)", ["tx2"]);
    });
    await expect(
      client.transaction(async (tx) => {
        await tx.query("insert into t (name) values ($1)", ["gone"]);
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    const names = (await client.query<{ name: string }>("select name from t where name like $1 or name = $2 order by name", ["tx%", "gone"])).rows.map((r) => r.name);
    expect(names).toEqual(["tx1", "tx2"]);
  });

  /** The messages sent into Postgres while `fn` runs. */
  async function callsDuring(fn: () => Promise<unknown>): Promise<Uint8Array[]> {
    const calls: Uint8Array[] = [];
    const real = pg.execProtocol.bind(pg);
    pg.execProtocol = ((message: Uint8Array, options?: object) => {
      calls.push(message);
      return real(message, options);
    }) as typeof pg.execProtocol;
    try {
      await fn();
    } finally {
      pg.execProtocol = real;
    }
    return calls;
  }
  const QUERY = "Q".charCodeAt(0);
  const countNamed = async (name: string) => (await pg.query<{ n: number }>("select count(*)::int as n from t where name = $1", [name])).rows[0].n;

  it("sends BEGIN with a transaction's first statement and COMMIT as one call; an empty one sends nothing", async () => {
    const insert = "insert into t (name) values ($1)";
    await client.query(insert, ["prepared first"]);
    const calls = await callsDuring(() => client.transaction((tx) => tx.query(insert, ["two calls"])));
    expect(calls).toHaveLength(2);
    expect(calls[0][0]).toBe(QUERY); // BEGIN, then the statement's Bind, Execute, Sync
    expect(calls[1][0]).toBe(QUERY); // COMMIT
    expect(await countNamed("two calls")).toBe(1);
    expect(await callsDuring(() => client.transaction(async () => "nothing"))).toEqual([]);
  });

  it("never lets a concurrent statement of a transaction run ahead of its BEGIN", async () => {
    // The first statement must be prepared first; the second is ready at once and would go first.
    const fresh = "insert into t (name, meta) values ($1, $2)";
    const ready = "insert into t (name) values ($1)";
    await client.query(ready, ["warm"]);
    await expect(
      client.transaction(async (tx) => {
        await Promise.all([tx.query(fresh, ["concurrent", null]), tx.query(ready, ["concurrent"])]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // Both were inside the transaction: both rolled back.
    expect(await countNamed("concurrent")).toBe(0);
  });

  it("a COMMIT that Postgres answers with ROLLBACK (a statement failed and was caught) fails the transaction", async () => {
    await expect(
      client.transaction(async (tx) => {
        await tx.query("insert into t (name) values ($1)", ["lost"]);
        await tx.query("selec 1").catch(() => undefined);
      }),
    ).rejects.toThrow(/rolled back/);
    expect(await countNamed("lost")).toBe(0);
    expect((await client.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
  });

  it("a query outside waits for an open transaction instead of running inside it", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const tx = client.transaction(async (t) => {
      await t.query("insert into t (name) values ($1)", ["inside"]);
      await held;
      await t.query("delete from t where name = $1", ["inside"]);
      order.push("tx");
    });
    const outside = client.query<{ n: number }>("select count(*)::int as n from t where name = $1", ["inside"]).then((r) => {
      order.push("outside");
      return r.rows[0].n;
    });
    // The outside query cannot finish while the transaction is open.
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    release();
    await tx;
    expect(await outside).toBe(0);
    expect(order).toEqual(["tx", "outside"]);
  });

  it("refuses a transaction's query once the transaction has ended", async () => {
    let kept: Parameters<Parameters<PgliteClient["transaction"]>[0]>[0] | undefined;
    await client.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept!.query("select 1")).rejects.toThrow(/closed/);
  });

  it("keeps at most maxStatements prepared statements, closing the least recently used", async () => {
    for (let i = 0; i < 6; i++) await client.query(`select ${i} as v`);
    expect(await statementCount()).toBe(3);
    // Two queries of one transaction asking for the same new text at once prepare it once.
    await client.transaction(async (tx) => {
      await Promise.all([tx.query("select 42 as v"), tx.query("select 42 as v")]);
    });
    expect(await statementCount()).toBe(3);
  });

  it("answers the advisory transaction lock itself, as Postgres does, without a call into Postgres", async () => {
    const lock = "select pg_advisory_xact_lock($1)";
    const theirs = await pg.query(lock, [7]);
    let ours: Awaited<ReturnType<PgliteClient["query"]>> | undefined;
    // A transaction whose only statement is the lock sends nothing at all.
    const calls = await callsDuring(async () => {
      ours = await client.transaction((tx) => tx.query(lock, [7]));
    });
    expect(ours!.rows).toEqual(theirs.rows);
    expect(ours!.fields).toEqual(theirs.fields);
    expect(calls).toEqual([]);
  });
});
