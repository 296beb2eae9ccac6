import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { completeJob, failJob } from "@/lib/db/job-queries";
import { listLedger, periodSpend, reservedMicros, spendSummary } from "@/lib/db/ledger-queries";
import { novaCanvas } from "@/lib/models";
import { dialects, MIGRATIONS_FOLDER, type TestDatabase } from "@/lib/testing/test-databases";
import { periodsAt } from "@/lib/time/zoned-periods";

/**
 * Migration 0004 backfills the spend ledger from the runs made before it existed: a database at
 * 0003 with completed, in-flight and failed runs (one whose images were all deleted) is upgraded
 * by the app's migrator, and the ledger must then say what the runs cost and what they hold.
 */
const LAST_BEFORE_LEDGER = "0003_sessions";

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** The migrations folder as it was at `lastTag`: its SQL files and a journal that ends there. */
async function migrationsUpTo(lastTag: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nova-migrations-"));
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag} in the journal`);
  const entries = journal.entries.slice(0, last + 1);
  for (const e of entries) await cp(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  await cp(path.join(MIGRATIONS_FOLDER, "meta"), path.join(dir, "meta"), { recursive: true });
  await writeFile(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journal, entries }, null, 2));
  return dir;
}

/** The upgrade as the app runs it on start: PostgreSQL by a new instance (createDatabase), PGlite by its migrator. */
async function upgrade(database: TestDatabase): Promise<void> {
  if (database.databaseUrl) {
    const instance = await createDatabase({ databaseUrl: database.databaseUrl, dataDir: "", migrationsFolder: MIGRATIONS_FOLDER });
    await instance.close();
  } else {
    await migratePglite(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

const at = (iso: string) => new Date(iso);

describe.each(dialects)("ledger backfill of migration 0004 ($dialect)", ({ create }) => {
  let folder: string;
  let database: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    folder = await migrationsUpTo(LAST_BEFORE_LEDGER);
    database = await create({ migrationsFolder: folder });
    const { db } = database;
    // Rows as the app of 0003 wrote them (raw SQL: today's schema has columns 0003 lacks).
    const job = async (name: string, cols: Record<string, unknown>) => {
      const row = {
        model: novaCanvas.id,
        task_type: "TEXT_IMAGE",
        params: JSON.stringify({ prompt: name }),
        images_requested: 1,
        estimated_cost_micros: 120_000,
        created_at: at("2026-03-01T10:00:00Z"),
        updated_at: at("2026-03-01T10:00:00Z"),
        ...cols,
      };
      const names = sql.raw(Object.keys(row).join(", "));
      const values = sql.join(Object.values(row).map((v) => sql`${v}`), sql`, `);
      const result = await db.execute<{ id: string }>(sql`insert into jobs (${names}) values (${values}) returning id`);
      ids[name] = result.rows[0].id;
    };
    const image = async (name: string, index: number, costMicros: number) => {
      await db.execute(sql`
        insert into images (job_id, index, width, height, content_type, blob_key, thumb_key, byte_size, sha256, cost_micros, created_at)
        values (${ids[name]}, ${index}, 1024, 1024, 'image/png', ${`outputs/${name}/${index}.png`}, ${`thumbs/${name}/${index}.webp`}, 1000,
                ${`${name}-${index}`}, ${costMicros}, ${at("2026-03-01T10:01:00Z")})`);
    };
    await job("completed", {
      status: "completed",
      images_requested: 2,
      estimated_cost_micros: 240_000,
      actual_cost_micros: 240_000,
      images_returned: 2,
      completed_at: at("2026-03-01T10:01:00Z"),
    });
    await image("completed", 0, 120_000);
    await image("completed", 1, 120_000);
    // Completed, then every image deleted: the run's own record still says what it cost.
    await job("deleted images", {
      status: "completed",
      images_requested: 3,
      estimated_cost_micros: 360_000,
      actual_cost_micros: 240_000,
      images_returned: 2,
      images_blocked: 1,
      completed_at: at("2026-03-02T09:00:00Z"),
    });
    // An old row without the cost columns filled: its images and update time stand in.
    await job("no record", { status: "completed", updated_at: at("2026-03-03T08:00:00Z") });
    await image("no record", 0, 40_000);
    await image("no record", 1, 40_000);
    await job("queued", { status: "queued", images_requested: 3, estimated_cost_micros: 360_000, created_at: at("2026-03-04T12:00:00Z") });
    await job("processing", { status: "processing", created_at: at("2026-03-04T12:05:00Z") });
    await job("failed", { status: "failed", failed_at: at("2026-03-01T11:00:00Z") });
    await job("submitting", { status: "submitting" });

    await upgrade(database);
  });

  afterAll(async () => {
    await database?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("applies every migration once", async () => {
    const applied = await database.db.execute(sql`select id from drizzle.__drizzle_migrations`);
    const journal = JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;
    expect(applied.rows).toHaveLength(journal.entries.length);
  });

  it("settles each completed run at what it cost, when it completed, and holds the estimate of each run in flight", async () => {
    const rows = await listLedger(database.db);
    const byJob = Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, rows.filter((r) => r.jobId === id)]));
    const view = (name: string) => byJob[name].map((r) => [r.kind, r.amountMicros, r.images, r.createdAt.toISOString(), r.model, r.taskType]);
    expect(view("completed")).toEqual([["settle", 240_000, 2, "2026-03-01T10:01:00.000Z", novaCanvas.id, "TEXT_IMAGE"]]);
    expect(view("deleted images")).toEqual([["settle", 240_000, 2, "2026-03-02T09:00:00.000Z", novaCanvas.id, "TEXT_IMAGE"]]);
    expect(view("no record")).toEqual([["settle", 80_000, 2, "2026-03-03T08:00:00.000Z", novaCanvas.id, "TEXT_IMAGE"]]);
    expect(view("queued")).toEqual([["reserve", 360_000, 3, "2026-03-04T12:00:00.000Z", novaCanvas.id, "TEXT_IMAGE"]]);
    expect(view("processing")).toEqual([["reserve", 120_000, 1, "2026-03-04T12:05:00.000Z", novaCanvas.id, "TEXT_IMAGE"]]);
    // A failed run cost nothing; a run caught mid-submit is settled when the tracker decides it.
    expect(byJob.failed).toEqual([]);
    expect(byJob.submitting).toEqual([]);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.note))).toEqual(new Set(["backfilled from the run's record", "backfilled hold of a run in flight"]));
  });

  it("the spend summary and the caps read the backfilled figures", async () => {
    const periods = periodsAt(at("2026-03-02T12:00:00Z"), "UTC");
    expect(await spendSummary(database.db, periods)).toMatchObject({
      todayMicros: 240_000,
      imagesToday: 2,
      monthMicros: 560_000,
      imagesMonth: 6,
      allTimeMicros: 560_000,
    });
    expect(await periodSpend(database.db, periods)).toEqual({ daySpentMicros: 240_000, monthSpentMicros: 560_000, reservedMicros: 480_000 });
  });

  it("the holds it made are closed by the tracker as any other: settled at the actual cost, or released", async () => {
    const done = at("2026-03-04T12:10:00Z");
    await completeJob(database.db, ids.queued, [], { imagesReturned: 2, imagesBlocked: 1, actualCostMicros: 240_000, upstreamCostMicros: null, now: done });
    expect(await reservedMicros(database.db)).toBe(120_000);
    await failJob(database.db, ids.processing, "generation_failed", "no", done);
    expect(await reservedMicros(database.db)).toBe(0);
    expect((await periodSpend(database.db, periodsAt(done, "UTC"))).monthSpentMicros).toBe(800_000);
  });
});
