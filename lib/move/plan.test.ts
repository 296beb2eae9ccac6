import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { expect, it } from "vitest";
import * as schema from "@/lib/db/schema";
import { assertSamePlan, inForeignKeyOrder, planTables, type TablePlan } from "@/lib/move/plan";
import { pgliteConn, openPgConn, type SqlConn } from "@/lib/move/sql-conn";
import { forEachDialect } from "@/lib/testing/test-databases";

/** The move's plan read from a migrated database's catalog, checked against lib/db/schema.ts. */

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v);
const configs = tables.map((t) => getTableConfig(t));

forEachDialect("the move's plan", (t) => {
  async function conn(): Promise<SqlConn & { close?(): Promise<void> }> {
    if (t.database.databaseUrl) return openPgConn(t.database.databaseUrl);
    return pgliteConn((t.db as unknown as { $client: Parameters<typeof pgliteConn>[0] }).$client);
  }

  it("has every table of the schema with its columns and primary key, each after the tables it references", async () => {
    const c = await conn();
    try {
      const plan = await planTables(c);
      expect(plan.map((p) => p.name).sort()).toEqual(configs.map((cfg) => cfg.name).sort());
      const at = new Map(plan.map((p, i) => [p.name, i]));
      for (const cfg of configs) {
        const p = plan.find((x) => x.name === cfg.name)!;
        expect(p.columns.sort()).toEqual(cfg.columns.map((col) => col.name).sort());
        const pk = cfg.primaryKeys[0]?.columns.map((col) => col.name) ?? cfg.columns.filter((col) => col.primary).map((col) => col.name);
        expect(p.primaryKey).toEqual(pk);
        for (const fk of cfg.foreignKeys) {
          const parent = getTableConfig(fk.reference().foreignTable).name;
          if (parent !== cfg.name) expect(at.get(parent)!, `${parent} before ${cfg.name}`).toBeLessThan(at.get(cfg.name)!);
        }
      }
      expect(plan.flatMap((p) => p.serials.map((s) => `${p.name}.${s.column}`)).sort()).toEqual(["spend_ledger.id"]);
      expect(plan.find((p) => p.name === "secrets")?.compare).toEqual(["name", "value"]);
      assertSamePlan(plan, plan);
    } finally {
      await c.close?.();
    }
  });
});

const table = (name: string, references: string[] = []): TablePlan => ({ name, columns: ["id"], primaryKey: ["id"], references, serials: [], compare: null });

it("orders parents first, ties by name, and refuses a cycle", () => {
  expect(inForeignKeyOrder([table("c", ["b"]), table("b", ["a"]), table("a"), table("z")]).map((t) => t.name)).toEqual(["a", "z", "b", "c"]);
  expect(() => inForeignKeyOrder([table("a", ["b"]), table("b", ["a"]), table("c")])).toThrow(/cycle between a, b/);
});

it("refuses a target whose tables differ from the source's", () => {
  const wider = { ...table("jobs"), columns: ["id", "added_later"] };
  expect(() => assertSamePlan([table("jobs")], [wider])).toThrow(/differ from the source's \(jobs\).*another version/);
  expect(() => assertSamePlan([table("jobs")], [table("jobs"), table("newer")])).toThrow(/\(newer\)/);
});
