import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createDatabase } from "@/lib/db/client";
import { encodeCursor } from "@/lib/db/gallery-cursor";
import { getImage, listGallery } from "@/lib/db/gallery-queries";
import { linkJobInputs, listJobInputs, upsertInput } from "@/lib/db/input-queries";
import { spendSummary } from "@/lib/db/ledger-queries";
import { periodsAt } from "@/lib/time/zoned-periods";
import { images } from "@/lib/db/schema";
import { insertTestImages, insertTestJob, insertTestSettle, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect, MIGRATIONS_FOLDER } from "@/lib/testing/test-databases";

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
  entries: unknown[];
};

forEachDialect("database", (t) => {
  it("applies the migrations once", async () => {
    const tables = await t.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      "images",
      "inputs",
      "job_inputs",
      "jobs",
      "prompt_history",
      "secrets",
      "sessions",
      "settings",
      "share_images",
      "shares",
      "spend_ledger",
      "sweep_cells",
      "sweeps",
      "upstream_blocks",
      "upstream_request_counts",
    ]);
    const applied = await t.db.execute(sql`select id from drizzle.__drizzle_migrations`);
    expect(applied.rows).toHaveLength(journal.entries.length);
  });

  it("re-running the migrations on a migrated database changes nothing", async () => {
    const own = await t.create();
    try {
      if (own.databaseUrl) {
        const again = await createDatabase({ databaseUrl: own.databaseUrl, dataDir: "", migrationsFolder: MIGRATIONS_FOLDER });
        await again.close();
      }
      const applied = await own.db.execute(sql`select id from drizzle.__drizzle_migrations`);
      expect(applied.rows).toHaveLength(journal.entries.length);
    } finally {
      await own.close();
    }
  });

  it("pages through the gallery newest first with no gaps or duplicates", async () => {
    const own = await t.create();
    try {
      const job = await insertTestJob(own.db, { params: { quality: "premium" }, taskType: "INPAINTING" });
      const base = Date.UTC(2025, 5, 1);
      // Groups of equal created_at (ties broken by id) and distinct times, 23 images in all.
      const rows = Array.from({ length: 23 }, (_, i) =>
        testImage(job.id, i, { createdAt: new Date(base + Math.floor(i / 4) * 1000) }),
      );
      await insertTestImages(own.db, rows);
      // Microsecond differences inside one millisecond must still order and page correctly.
      await own.db.execute(sql`update images set created_at = created_at + make_interval(secs => "index" * 0.000001) where "index" >= 20`);

      const expected = await own.db.execute<{ id: string }>(
        sql`select id from images order by created_at desc, id desc`,
      );
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listGallery(own.db, { cursor, limit: 4 });
        expect(page.rows.length).toBeLessThanOrEqual(4);
        seen.push(...page.rows.map((r) => r.id));
        for (const r of page.rows) {
          expect(r.taskType).toBe("INPAINTING");
          expect(r.quality).toBe("premium");
          expect(r.createdAt).toBeInstanceOf(Date);
        }
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(6);
      expect(new Set(seen).size).toBe(23);
      expect(seen).toEqual(expected.rows.map((r) => r.id));
    } finally {
      await own.close();
    }
  });

  it("ends with a null cursor and an empty gallery is one empty page", async () => {
    const own = await t.create();
    try {
      expect(await listGallery(own.db, { limit: 10 })).toEqual({ rows: [], nextCursor: null });
      const job = await insertTestJob(own.db);
      await insertTestImages(own.db, [testImage(job.id, 0), testImage(job.id, 1)]);
      const page = await listGallery(own.db, { limit: 2 });
      expect(page.rows).toHaveLength(2);
      expect(page.nextCursor).toBeNull();
    } finally {
      await own.close();
    }
  });

  it("rejects a cursor that is not ours", async () => {
    const bad = [
      "garbage!",
      Buffer.from("{}").toString("base64url"),
      encodeCursor({ t: "2025-01-01T00:00:00Z", id: "x" } as never),
      // Found by the attacker's run: the database refused the day and the query answered 500.
      encodeCursor({ t: "2024-02-30T00:00:00.000000Z", id: "6f9619ff-8b86-4d11-b42d-00c04fc964ff" }),
    ];
    for (const cursor of bad) {
      const err = await listGallery(t.db, { cursor, limit: 5 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "validation_failed", message: "cursor is not valid" });
    }
  });

  it("gets one image with its job facts", async () => {
    const job = await insertTestJob(t.db, { prompt: "a red boat" });
    const [img] = await insertTestImages(t.db, [testImage(job.id, 0, { seed: 42 })]);
    const row = await getImage(t.db, img.id);
    expect(row).toMatchObject({ id: img.id, jobId: job.id, seed: 42, prompt: "a red boat", quality: "standard" });
    expect(await getImage(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getImage(t.db, "not-a-uuid")).toBeNull();
  });

  it("refuses a second image in the same (job, index) slot", async () => {
    const job = await insertTestJob(t.db);
    await insertTestImages(t.db, [testImage(job.id, 0)]);
    await expect(insertTestImages(t.db, [testImage(job.id, 0)])).rejects.toThrow();
    // The idempotent form used on completion skips it instead.
    const again = await t.db.insert(images).values(testImage(job.id, 0)).onConflictDoNothing().returning();
    expect(again).toEqual([]);
  });

  it("sums settled spend by day and month across a month boundary, in the caps' time zone", async () => {
    const own = await t.create();
    try {
      const settle = async (iso: string, micros: number, taskType = "TEXT_IMAGE") =>
        insertTestSettle(own.db, await insertTestJob(own.db, { taskType }), micros, new Date(iso));
      await settle("2025-01-15T10:00:00.000Z", 1_000);
      await settle("2025-01-31T23:30:00.000Z", 120_000);
      await settle("2025-02-01T00:00:00.000Z", 180_000);
      await settle("2025-02-01T23:59:59.999Z", 240_000);
      await settle("2025-02-02T00:00:00.000Z", 10_000);
      await settle("2025-03-01T00:00:00.000Z", 5_000_000);
      // An older run of another task type: only in the all-time figures.
      await settle("2023-01-01T00:00:00Z", 7_000, "INPAINTING");
      const at = (iso: string, zone = "UTC") => spendSummary(own.db, periodsAt(new Date(iso), zone));
      expect(await at("2025-02-01T12:00:00Z")).toMatchObject({ todayMicros: 420_000, monthMicros: 430_000, imagesToday: 2, imagesMonth: 3 });
      expect(await at("2025-01-31T23:59:59Z")).toMatchObject({ todayMicros: 120_000, monthMicros: 121_000, imagesToday: 1, imagesMonth: 2 });
      // 2025-02-01T03:00Z is still January 31st in New York (UTC-5).
      expect(await at("2025-02-01T03:00:00Z", "America/New_York")).toMatchObject({
        todayMicros: 300_000,
        monthMicros: 301_000,
        imagesToday: 2,
        imagesMonth: 3,
      });
      expect(await at("2024-06-01T00:00:00Z")).toMatchObject({ todayMicros: 0, monthMicros: 0, imagesToday: 0, imagesMonth: 0 });
      const all = await at("2025-02-01T12:00:00Z");
      expect(all.allTimeMicros).toBe(5_558_000);
      expect(all.imagesAllTime).toBe(7);
      expect(all.byTask).toEqual([
        { taskType: "TEXT_IMAGE", micros: 5_551_000, images: 6 },
        { taskType: "INPAINTING", micros: 7_000, images: 1 },
      ]);
    } finally {
      await own.close();
    }
  });

  it("stores an input once and links it to jobs idempotently", async () => {
    const row = { sha256: "a".repeat(64), contentType: "image/png", width: 512, height: 512, byteSize: 99, blobKey: "inputs/aa.png" };
    const first = await upsertInput(t.db, row);
    const second = await upsertInput(t.db, { ...row, byteSize: 1 });
    expect(second).toEqual(first);
    expect(second.byteSize).toBe(99);
    const job = await insertTestJob(t.db, { taskType: "INPAINTING" });
    const links = [
      { inputSha256: row.sha256, role: "image" },
      { inputSha256: row.sha256, role: "mask_image" },
    ];
    await linkJobInputs(t.db, job.id, links);
    await linkJobInputs(t.db, job.id, links);
    await linkJobInputs(t.db, job.id, []);
    const linked = await listJobInputs(t.db, job.id);
    expect(linked.map((l) => [l.role, l.position, l.input.sha256])).toEqual([
      ["image", 0, row.sha256],
      ["mask_image", 0, row.sha256],
    ]);
  });

  it("works inside a transaction (queries take a tx as well as the db)", async () => {
    const job = await insertTestJob(t.db);
    await t.db.transaction(async (tx) => {
      await insertTestImages(tx, [testImage(job.id, 0)]);
      const page = await listGallery(tx, { limit: 100 });
      expect(page.rows.some((r) => r.jobId === job.id)).toBe(true);
    });
  });
});
