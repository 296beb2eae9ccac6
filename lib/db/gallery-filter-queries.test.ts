import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { novaCanvas } from "@/lib/models";
import { createDatabase, type Db } from "@/lib/db/client";
import { listGallery, setFavorite, type GalleryRow } from "@/lib/db/gallery-queries";
import { GALLERY_SORTS, type GalleryFilter, type GallerySort } from "@/lib/gallery/gallery-filter";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect, MIGRATIONS_FOLDER } from "@/lib/testing/test-databases";
import { expectedIds, seedGallery, type SeededImage as Seeded, type SeedJobSpec } from "@/lib/testing/gallery-oracle";

const JOBS: SeedJobSpec[] = [
  { taskType: "TEXT_IMAGE", quality: "standard", prompt: "A Lighthouse at Dusk" },
  { taskType: "TEXT_IMAGE", quality: "premium", prompt: "Sale banner: 50% OFF everything" },
  { taskType: "INPAINTING", quality: "premium", prompt: "replace the a_b tile", model: "flux-2-klein-4b" },
  { taskType: "INPAINTING", quality: null, prompt: "red BOAT on the lake" },
  // "500 balloons" would match "50%" if % were a wildcard; "axb" would match "a_b" if _ were.
  { taskType: "OUTPAINTING", quality: "standard", prompt: "500 balloons over a lighthouse" },
  { taskType: "COLOR_GUIDED_GENERATION", quality: "premium", prompt: "axb pattern, red and blue", model: "flux-2-klein-4b" },
  { taskType: "IMAGE_VARIATION", quality: "standard", prompt: null },
  { taskType: "BACKGROUND_REMOVAL", quality: null, prompt: null, model: "seedream-5-0-lite" },
  { taskType: "TEXT_IMAGE", quality: "standard", prompt: "path C:\\art\\boat sketch" },
];

const DAYS = ["2026-03-10", "2026-03-11", "2026-03-12"];
// Each (day, time) pair is used by four images, so created_at ties are common; the day's first
// and last millisecond check that date filters cover whole UTC days.
const TIMES = ["00:00:00.000", "06:30:00.000", "12:00:00.250", "18:45:10.000", "23:59:59.999"];
const COSTS = [40_000, 80_000, 120_000, 40_000, 10_000];
const IMAGE_COUNT = 60;

function imagePlan(i: number) {
  const day = i % 3;
  const time = Math.floor(i / 3) % TIMES.length;
  return {
    job: i % JOBS.length,
    createdAt: new Date(`${DAYS[day]}T${TIMES[time]}Z`),
    // Constant within a (day, time) group: ties on cost and created_at, broken by id.
    costMicros: COSTS[i % COSTS.length],
    favorite: i % 4 === 0 || i % 7 === 3,
  };
}

const seed = (db: Db) => seedGallery(db, JOBS, Array.from({ length: IMAGE_COUNT }, (_, i) => imagePlan(i)));

/** Every page of a filter, following the cursors. */
async function walk(db: Db, filter: GalleryFilter, limit = 7): Promise<{ ids: string[]; rows: GalleryRow[]; pages: number }> {
  const rows: GalleryRow[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listGallery(db, { cursor, limit, filter });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor) expect(page.rows).toHaveLength(limit);
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
    pages++;
    if (pages > 100) throw new Error("the cursor does not advance");
  } while (cursor);
  return { ids: rows.map((r) => r.id), rows, pages };
}

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

type Filters = Omit<GalleryFilter, "sort">;

const ALONE: [string, Filters, number][] = [
  // [name, filter, the number of matching images the seed is built to have (keeps cases meaningful)]
  ["no filter", {}, 60],
  ["task TEXT_IMAGE", { task: "TEXT_IMAGE" }, 20],
  ["task INPAINTING", { task: "INPAINTING" }, 14],
  ["task BACKGROUND_REMOVAL", { task: "BACKGROUND_REMOVAL" }, 6],
  ["task VIRTUAL_TRY_ON (none)", { task: "VIRTUAL_TRY_ON" }, 0],
  ["model Nova Canvas (the fixtures' default)", { model: novaCanvas.id }, 40],
  ["model flux-2-klein-4b", { model: "flux-2-klein-4b" }, 14],
  ["model seedream-5-0-lite", { model: "seedream-5-0-lite" }, 6],
  ["model no job used (a retired id)", { model: "retired.model:1" }, 0],
  ["model in another case (ids are exact)", { model: "FLUX-2-KLEIN-4B" }, 0],
  ["model a prefix of a real id", { model: "flux" }, 0],
  ["favourites", { favorites: true }, 22],
  ["quality standard (with no quality = standard)", { quality: "standard" }, 39],
  ["quality premium", { quality: "premium" }, 21],
  ["from 2026-03-11", { from: "2026-03-11" }, 40],
  ["to 2026-03-11", { to: "2026-03-11" }, 40],
  ["from = to = 2026-03-11", { from: "2026-03-11", to: "2026-03-11" }, 20],
  ["from = to = 2026-03-10", { from: "2026-03-10", to: "2026-03-10" }, 20],
  ["from = to = 2026-03-12", { from: "2026-03-12", to: "2026-03-12" }, 20],
  ["to a day before any image", { to: "2026-03-09" }, 0],
  ["from a day after every image", { from: "2026-03-13" }, 0],
  ["a wide date range", { from: "2025-01-01", to: "2027-12-31" }, 60],
  ["q lighthouse (mixed case in the prompt)", { q: "lighthouse" }, 14],
  ["q LiGhThOuSe", { q: "LiGhThOuSe" }, 14],
  ["q 50% (literal %)", { q: "50%" }, 7],
  ["q % alone", { q: "%" }, 7],
  ["q a_b (literal _)", { q: "a_b" }, 7],
  ["q _ alone", { q: "_" }, 7],
  ["q backslash", { q: "\\" }, 6],
  ["q C:\\art", { q: "C:\\art" }, 6],
  ["q boat", { q: "boat" }, 13],
  ["q with no match", { q: "zebra" }, 0],
];

const COMBINED: [string, Filters][] = [
  ["INPAINTING + standard (the job with no quality)", { task: "INPAINTING", quality: "standard" }],
  ["INPAINTING + premium", { task: "INPAINTING", quality: "premium" }],
  ["favourites + premium + from 2026-03-11", { favorites: true, quality: "premium", from: "2026-03-11" }],
  ["TEXT_IMAGE + q a + to 2026-03-11", { task: "TEXT_IMAGE", q: "a", to: "2026-03-11" }],
  ["q red + favourites", { q: "red", favorites: true }],
  ["q boat + standard + one day", { q: "BoAt", quality: "standard", from: "2026-03-12", to: "2026-03-12" }],
  ["everything", { task: "TEXT_IMAGE", favorites: true, quality: "premium", from: "2026-03-10", to: "2026-03-11", q: "50%" }],
  ["contradictory (IMAGE_VARIATION has no prompt)", { task: "IMAGE_VARIATION", q: "a" }],
  ["model flux + INPAINTING", { model: "flux-2-klein-4b", task: "INPAINTING" }],
  ["model flux + favourites + q a", { model: "flux-2-klein-4b", favorites: true, q: "a" }],
  ["model Nova + premium + one day", { model: novaCanvas.id, quality: "premium", from: "2026-03-11", to: "2026-03-11" }],
];

forEachDialect("gallery filters", (t) => {
  let seeded: Seeded[] = [];

  beforeAll(async () => {
    seeded = await seed(t.db);
  });

  it("seeds what the cases rely on", () => {
    expect(seeded).toHaveLength(IMAGE_COUNT);
    expect(new Set(seeded.map((s) => s.job)).size).toBe(JOBS.length);
    expect(new Set(seeded.map((s) => s.createdAt.toISOString().slice(0, 10)))).toEqual(new Set(DAYS));
    // Groups of equal created_at.
    const perTime = new Map<number, number>();
    for (const s of seeded) perTime.set(s.createdAt.getTime(), (perTime.get(s.createdAt.getTime()) ?? 0) + 1);
    expect(Math.max(...perTime.values())).toBe(4);
    for (const [name, filter, count] of ALONE) {
      expect(expectedIds(seeded, { ...filter, sort: "newest" }), name).toHaveLength(count);
    }
    for (const [name, filter] of COMBINED.slice(0, 7)) {
      expect(expectedIds(seeded, { ...filter, sort: "newest" }).length, name).toBeGreaterThan(0);
    }
  });

  it("returns the rows with their job facts and favourite flag", async () => {
    const { rows } = await listGallery(t.db, { limit: 500 });
    expect(rows).toHaveLength(IMAGE_COUNT);
    const byId = new Map(seeded.map((s) => [s.id, s]));
    for (const r of rows) {
      const s = byId.get(r.id)!;
      expect(r).toMatchObject({ taskType: s.taskType, model: s.model, prompt: s.prompt, quality: s.rawQuality, favorite: s.favorite, costMicros: s.costMicros });
      expect(r.createdAt.getTime()).toBe(s.createdAt.getTime());
      expect(r).not.toHaveProperty("key");
    }
  });

  it("without a filter, lists newest first", async () => {
    const page = await listGallery(t.db, { limit: 500 });
    expect(page.rows.map((r) => r.id)).toEqual(expectedIds(seeded, { sort: "newest" }));
    expect(page.nextCursor).toBeNull();
  });

  for (const [name, filter] of ALONE) {
    it(`filter alone: ${name} — exactly the matching set, in each sort, in one page`, async () => {
      for (const sort of GALLERY_SORTS) {
        const f: GalleryFilter = { ...filter, sort };
        const page = await listGallery(t.db, { limit: 500, filter: f });
        const want = expectedIds(seeded, f);
        expect(new Set(page.rows.map((r) => r.id)), sort).toEqual(new Set(want));
        expect(page.rows.map((r) => r.id), sort).toEqual(want);
        expect(page.nextCursor).toBeNull();
      }
    });
  }

  for (const [name, filter] of COMBINED) {
    it(`filters combined: ${name} — exactly the matching set, in each sort`, async () => {
      for (const sort of GALLERY_SORTS) {
        const f: GalleryFilter = { ...filter, sort };
        const page = await listGallery(t.db, { limit: 500, filter: f });
        expect(page.rows.map((r) => r.id), sort).toEqual(expectedIds(seeded, f));
      }
    });
  }

  it("orders newest, oldest and cost as specified (checked on the rows themselves)", async () => {
    const get = async (sort: GallerySort) => (await listGallery(t.db, { limit: 500, filter: { sort } })).rows;
    const newest = await get("newest");
    const oldest = await get("oldest");
    const cost = await get("cost");
    for (let i = 1; i < IMAGE_COUNT; i++) {
      const [a, b] = [newest[i - 1], newest[i]];
      expect(a.createdAt > b.createdAt || (a.createdAt.getTime() === b.createdAt.getTime() && a.id > b.id)).toBe(true);
      const [c, d] = [oldest[i - 1], oldest[i]];
      expect(c.createdAt < d.createdAt || (c.createdAt.getTime() === d.createdAt.getTime() && c.id < d.id)).toBe(true);
      const [e, g] = [cost[i - 1], cost[i]];
      const sameCost = e.costMicros === g.costMicros;
      const sameTime = e.createdAt.getTime() === g.createdAt.getTime();
      expect(e.costMicros > g.costMicros || (sameCost && e.createdAt > g.createdAt) || (sameCost && sameTime && e.id > g.id)).toBe(true);
    }
    expect(oldest.map((r) => r.id)).toEqual([...newest.map((r) => r.id)].reverse());
  });

  for (const sort of GALLERY_SORTS) {
    it(`pages with limit 7 through every filter in the ${sort} sort: each matching row exactly once`, async () => {
      for (const [name, filter] of [...ALONE, ...COMBINED]) {
        const f: GalleryFilter = { ...filter, sort };
        const want = expectedIds(seeded, f);
        const { ids, pages } = await walk(t.db, f);
        expect(new Set(ids).size, `${name}: duplicates`).toBe(ids.length);
        expect(ids, name).toEqual(want);
        expect(pages, name).toBe(Math.max(1, Math.ceil(want.length / 7)));
      }
    });
  }

  it("pages through equal created_at groups one row at a time as well", async () => {
    for (const sort of GALLERY_SORTS) {
      const f: GalleryFilter = { from: "2026-03-11", to: "2026-03-11", sort };
      const { ids } = await walk(t.db, f, 1);
      expect(ids, sort).toEqual(expectedIds(seeded, f));
    }
  });

  it("rejects a cursor from one sort used with another sort", async () => {
    const cursors = new Map<GallerySort, string>();
    for (const sort of GALLERY_SORTS) {
      const page = await listGallery(t.db, { limit: 7, filter: { sort } });
      expect(page.nextCursor).not.toBeNull();
      cursors.set(sort, page.nextCursor!);
    }
    for (const [from, cursor] of cursors) {
      for (const sort of GALLERY_SORTS) {
        if (sort === from) {
          await expect(listGallery(t.db, { cursor, limit: 7, filter: { sort } })).resolves.toMatchObject({ rows: expect.any(Array) });
          continue;
        }
        const err = await errorOf(listGallery(t.db, { cursor, limit: 7, filter: { sort } }));
        expect(err, `${from} cursor with ${sort}`).toBeInstanceOf(AppError);
        expect(err).toMatchObject({ code: "validation_failed", fields: [{ field: "cursor" }] });
      }
    }
    // No filter means the newest sort: a newest cursor continues it, an oldest one does not.
    await expect(listGallery(t.db, { cursor: cursors.get("newest"), limit: 7 })).resolves.toBeDefined();
    expect(await errorOf(listGallery(t.db, { cursor: cursors.get("oldest"), limit: 7 }))).toMatchObject({ code: "validation_failed" });
  });

  it("a cursor continues the same sort under a different filter (no error)", async () => {
    const page = await listGallery(t.db, { limit: 7, filter: { sort: "cost" } });
    const next = await listGallery(t.db, { cursor: page.nextCursor!, limit: 500, filter: { quality: "premium", sort: "cost" } });
    const want = expectedIds(seeded, { quality: "premium", sort: "cost" });
    const lastSeen = page.rows.at(-1)!.id;
    const allCost = expectedIds(seeded, { sort: "cost" });
    const after = new Set(allCost.slice(allCost.indexOf(lastSeen) + 1));
    expect(next.rows.map((r) => r.id)).toEqual(want.filter((id) => after.has(id)));
  });

  it("date filters are inclusive whole UTC days", async () => {
    for (const day of DAYS) {
      const { rows } = await listGallery(t.db, { limit: 500, filter: { from: day, to: day, sort: "oldest" } });
      expect(rows).toHaveLength(20);
      expect(rows.every((r) => r.createdAt.toISOString().slice(0, 10) === day)).toBe(true);
      expect(rows[0].createdAt.toISOString()).toBe(`${day}T00:00:00.000Z`);
      expect(rows.at(-1)!.createdAt.toISOString()).toBe(`${day}T23:59:59.999Z`);
    }
    const upTo = await listGallery(t.db, { limit: 500, filter: { to: "2026-03-10", sort: "newest" } });
    expect(upTo.rows[0].createdAt.toISOString()).toBe("2026-03-10T23:59:59.999Z");
    const fromDay = await listGallery(t.db, { limit: 500, filter: { from: "2026-03-12", sort: "oldest" } });
    expect(fromDay.rows[0].createdAt.toISOString()).toBe("2026-03-12T00:00:00.000Z");
  });

  it("sets and clears a favourite; an unknown or malformed id is false", async () => {
    const own = await t.create();
    try {
      const job = await insertTestJob(own.db);
      const [a, b] = await insertTestImages(own.db, [testImage(job.id, 0), testImage(job.id, 1, { favorite: true })]);
      expect(a.favorite).toBe(false);
      expect(b.favorite).toBe(true);
      const favs = async () => (await listGallery(own.db, { limit: 10, filter: { favorites: true, sort: "newest" } })).rows.map((r) => r.id);
      expect(await favs()).toEqual([b.id]);

      expect(await setFavorite(own.db, a.id, true)).toBe(true);
      expect(new Set(await favs())).toEqual(new Set([a.id, b.id]));
      // Setting it again is still a success.
      expect(await setFavorite(own.db, a.id, true)).toBe(true);
      expect(await setFavorite(own.db, b.id, false)).toBe(true);
      expect(await favs()).toEqual([a.id]);
      expect(await setFavorite(own.db, a.id.toUpperCase(), false)).toBe(true);
      expect(await favs()).toEqual([]);

      expect(await setFavorite(own.db, "00000000-0000-4000-8000-000000000000", true)).toBe(false);
      for (const bad of ["not-a-uuid", "", `${a.id}x`, `${a.id.slice(0, -1)}g`, "'; drop table images; --"]) {
        expect(await setFavorite(own.db, bad, true), bad).toBe(false);
      }
      const rows = await own.db.execute<{ n: number }>(sql`select count(*)::int as n from images where favorite`);
      expect(Number(rows.rows[0].n)).toBe(0);
    } finally {
      await own.close();
    }
  });

  // Found by this test: the end of a "to" day used to be computed by PostgreSQL in the session's
  // time zone, an hour off on DST change days; it is computed in UTC now.
  it("date filters stay whole UTC days when the session time zone has DST", async () => {
    const own = await t.create();
    let other: { db: Db; close(): Promise<void> } | undefined;
    try {
      let db = own.db;
      if (own.databaseUrl) {
        const name = new URL(own.databaseUrl).pathname.slice(1);
        await own.db.execute(sql.raw(`alter database "${name}" set timezone to 'America/New_York'`));
        other = await createDatabase({ databaseUrl: own.databaseUrl, dataDir: "", migrationsFolder: MIGRATIONS_FOLDER });
        db = other.db;
      } else {
        await own.db.execute(sql`set time zone 'America/New_York'`);
      }
      const tz = await db.execute<{ TimeZone: string }>(sql`show timezone`);
      expect(tz.rows[0].TimeZone).toBe("America/New_York");

      const job = await insertTestJob(db);
      const at = ["2026-03-08T23:30:00.000Z", "2026-03-09T00:00:00.000Z", "2026-11-01T23:30:00.000Z", "2026-11-02T00:30:00.000Z"];
      const imgs = await insertTestImages(db, at.map((iso, i) => testImage(job.id, i, { createdAt: new Date(iso) })));
      const ids = async (from: string, to: string) =>
        (await listGallery(db, { limit: 10, filter: { from, to, sort: "oldest" } })).rows.map((r) => r.id);
      expect(await ids("2026-03-08", "2026-03-08")).toEqual([imgs[0].id]);
      expect(await ids("2026-11-01", "2026-11-01")).toEqual([imgs[2].id]);
    } finally {
      await other?.close();
      await own.close();
    }
  });
});
