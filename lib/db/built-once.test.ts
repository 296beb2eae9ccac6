import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { emptyTables } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import { BuiltOnce, Bindable, rowOf } from "./built-once";
import { jobs, settings, type NewJobRow } from "./schema";

/** Statements built once and run with new values (built-once.ts), on both databases. */
forEachDialect("statements built once", (t) => {
  beforeEach(async () => {
    await emptyTables(t.db, ["jobs", "settings"]);
  });

  const ph = sql.placeholder;
  const T0 = new Date("2026-07-01T10:00:00.123Z");

  it("binds new values to the text built the first time, encoded by their columns, and decodes the rows", async () => {
    const cache = new BuiltOnce();
    let builds = 0;
    const insert = (values: Record<string, unknown>) => {
      const statement = cache.get("one shape", () => {
        builds += 1;
        const set = { id: ph("id"), model: ph("model"), taskType: ph("taskType"), status: ph("status"), params: ph("params"), imagesRequested: ph("n"), estimatedCostMicros: ph("cost"), createdAt: ph("at"), updatedAt: ph("at"), leaseUntil: ph("lease"), prompt: ph("prompt") };
        return t.db.insert(jobs).values(set as unknown as NewJobRow).returning();
      });
      return t.db.execute<Record<string, unknown>>(statement.bind(values));
    };
    const a = { id: "00000000-0000-4000-8000-000000000001", model: "m", taskType: "TEXT_IMAGE", status: "waiting", params: { prompt: "a", n: [1, 2] }, n: 2, cost: 80_000, at: T0, lease: null, prompt: null };
    const b = { ...a, id: "00000000-0000-4000-8000-000000000002", params: { prompt: "b" }, n: 1, lease: new Date(T0.getTime() + 5_000), prompt: "b" };
    const [rowA] = (await insert(a)).rows.map((r) => rowOf(jobs, r));
    const [rowB] = (await insert(b)).rows.map((r) => rowOf(jobs, r));
    expect(builds).toBe(1);
    // As drizzle's own insert … returning() would give them, and as a select reads them back.
    const stored = await t.db.select().from(jobs).orderBy(jobs.id);
    expect([rowA, rowB]).toEqual(stored);
    expect(rowA).toMatchObject({ params: { prompt: "a", n: [1, 2] }, imagesRequested: 2, createdAt: T0, leaseUntil: null, prompt: null, pollCount: 0 });
    expect(rowB).toMatchObject({ params: { prompt: "b" }, leaseUntil: new Date(T0.getTime() + 5_000), prompt: "b" });
    // A null stays NULL (not JSON null, not an encoder's error).
    const [{ n }] = (await t.db.execute<{ n: number | string }>(sql`select count(*) as n from jobs where lease_until is null and prompt is null`)).rows;
    expect(Number(n)).toBe(1);
  });

  it("refuses a statement with a value that is not a placeholder: it would be sent again every time", () => {
    const query = t.db.select().from(settings).where(eq(settings.key, "spend_caps")).toSQL();
    expect(() => new Bindable(query)).toThrow(/placeholders only/);
    const ok = new Bindable(t.db.select().from(settings).where(eq(settings.key, ph("key"))).toSQL());
    expect(() => ok.bind({})).toThrow(/No value for placeholder "key"/);
  });
});
