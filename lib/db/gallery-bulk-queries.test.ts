import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { listGallery, listGalleryIds, setFavorites } from "@/lib/db/gallery-queries";
import { GALLERY_SORTS, type GalleryFilter } from "@/lib/gallery/gallery-filter";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import { expectedIds, seedGallery, type SeededImage as Seeded, type SeedJobSpec } from "@/lib/testing/gallery-oracle";

const JOBS: SeedJobSpec[] = [
  { taskType: "TEXT_IMAGE", quality: "standard", prompt: "a red boat at dawn" },
  { taskType: "TEXT_IMAGE", quality: "premium", prompt: "Lighthouse in a storm" },
  { taskType: "INPAINTING", quality: "premium", prompt: "replace the BOAT with a swan", model: "flux-2-klein-4b" },
  { taskType: "INPAINTING", quality: null, prompt: "a quiet harbour" },
  { taskType: "OUTPAINTING", quality: "standard", prompt: "wider view of the boat", model: "flux-2-klein-4b" },
  { taskType: "BACKGROUND_REMOVAL", quality: null, prompt: null },
];

const DAYS = ["2026-04-01", "2026-04-02", "2026-04-03"];
// Few distinct times, so created_at ties (broken by id) are common in every sort.
const TIMES = ["00:00:00.000", "09:15:00.500", "23:59:59.999"];
const COSTS = [40_000, 80_000, 120_000];
const IMAGE_COUNT = 45;

function plan(i: number) {
  return {
    job: i % JOBS.length,
    createdAt: new Date(`${DAYS[Math.floor(i / 5) % DAYS.length]}T${TIMES[i % TIMES.length]}Z`),
    costMicros: COSTS[Math.floor(i / 2) % COSTS.length],
    favorite: i % 3 === 0 || i % 5 === 1,
  };
}

const seed = (db: Db) => seedGallery(db, JOBS, Array.from({ length: IMAGE_COUNT }, (_, i) => plan(i)));

/** Every id listGallery shows for a filter, following its cursors. */
async function walkGallery(db: Db, filter: GalleryFilter, limit = 7): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listGallery(db, { cursor, limit, filter });
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
    if (++pages > 100) throw new Error("the cursor does not advance");
  } while (cursor);
  return ids;
}

type Filters = Omit<GalleryFilter, "sort">;

/** [name, filter, how many images the seed gives it] — the counts keep each case meaningful. */
const FILTERS: [string, Filters, number][] = [
  ["no filter", {}, 45],
  ["task INPAINTING", { task: "INPAINTING" }, 15],
  ["favourites", { favorites: true }, 21],
  ["quality premium", { quality: "premium" }, 16],
  ["q boat (case-insensitive)", { q: "BoAt" }, 23],
  ["one day", { from: "2026-04-02", to: "2026-04-02" }, 15],
  ["TEXT_IMAGE + standard + from 2026-04-02", { task: "TEXT_IMAGE", quality: "standard", from: "2026-04-02" }, 5],
  ["favourites + q boat", { favorites: true, q: "boat" }, 10],
  ["model flux-2-klein-4b", { model: "flux-2-klein-4b" }, 15],
  ["model flux-2-klein-4b + INPAINTING", { model: "flux-2-klein-4b", task: "INPAINTING" }, 8],
];

const EMPTY: [string, Filters][] = [
  ["task with no images", { task: "VIRTUAL_TRY_ON" }],
  ["q with no match", { q: "zebra" }],
  ["a model with no images (retired, or never used)", { model: "retired.model:1" }],
  ["dates before every image", { to: "2026-03-31" }],
  ["contradictory (BACKGROUND_REMOVAL has no prompt)", { task: "BACKGROUND_REMOVAL", q: "a" }],
];

forEachDialect("gallery bulk queries", (t) => {
  let seeded: Seeded[] = [];

  beforeAll(async () => {
    seeded = await seed(t.db);
  });

  it("seeds what the cases rely on", () => {
    for (const [name, filter, count] of FILTERS) {
      expect(expectedIds(seeded, { ...filter, sort: "newest" }), name).toHaveLength(count);
    }
    const perTime = new Map<number, number>();
    for (const s of seeded) perTime.set(s.createdAt.getTime(), (perTime.get(s.createdAt.getTime()) ?? 0) + 1);
    expect(Math.max(...perTime.values())).toBeGreaterThanOrEqual(5);
    // The cost sort is not just the newest sort.
    expect(expectedIds(seeded, { sort: "cost" })).not.toEqual(expectedIds(seeded, { sort: "newest" }));
  });

  for (const sort of GALLERY_SORTS) {
    it(`listGalleryIds gives exactly the ids listGallery pages through, in the ${sort} sort`, async () => {
      for (const [name, filter, count] of FILTERS) {
        const f: GalleryFilter = { ...filter, sort };
        const paged = await walkGallery(t.db, f);
        const got = await listGalleryIds(t.db, f, 1000);
        expect(paged, `${name}: listGallery`).toHaveLength(count);
        expect(got.ids, name).toEqual(paged);
        expect(got.ids, `${name}: independent order`).toEqual(expectedIds(seeded, f));
        expect(got.total, name).toBe(count);
      }
    });
  }

  it("the three sorts give different orders of the same set", async () => {
    const newest = await listGalleryIds(t.db, { sort: "newest" }, 1000);
    const oldest = await listGalleryIds(t.db, { sort: "oldest" }, 1000);
    const cost = await listGalleryIds(t.db, { sort: "cost" }, 1000);
    expect(oldest.ids).toEqual([...newest.ids].reverse());
    expect(cost.ids).not.toEqual(newest.ids);
    expect(new Set(cost.ids)).toEqual(new Set(newest.ids));
    expect(new Set(newest.ids).size).toBe(IMAGE_COUNT);
  });

  it("max caps the ids (a prefix of the full order) while total counts every match", async () => {
    for (const sort of GALLERY_SORTS) {
      for (const [name, filter, count] of FILTERS) {
        const f: GalleryFilter = { ...filter, sort };
        const full = expectedIds(seeded, f);
        for (const max of [1, 4, count - 1, count, count + 10]) {
          const got = await listGalleryIds(t.db, f, max);
          expect(got.ids, `${name} ${sort} max ${max}`).toEqual(full.slice(0, max));
          expect(got.ids, `${name} ${sort} max ${max}`).toHaveLength(Math.min(max, count));
          expect(got.total, `${name} ${sort} max ${max}`).toBe(count);
        }
      }
    }
  });

  it("max 0 gives no ids but still the total", async () => {
    const got = await listGalleryIds(t.db, { task: "INPAINTING", sort: "newest" }, 0);
    expect(got).toEqual({ ids: [], total: 15 });
  });

  it("a filter with no match gives no ids and a total of 0", async () => {
    for (const [name, filter] of EMPTY) {
      for (const sort of GALLERY_SORTS) {
        expect(await listGalleryIds(t.db, { ...filter, sort }, 500), `${name} ${sort}`).toEqual({ ids: [], total: 0 });
      }
    }
  });

  it("an empty database gives no ids and a total of 0", async () => {
    const own = await t.create();
    try {
      expect(await listGalleryIds(own.db, { sort: "newest" }, 500)).toEqual({ ids: [], total: 0 });
    } finally {
      await own.close();
    }
  });

  it("setFavorites stars and unstars exactly the named rows and the favourites filter follows", async () => {
    const own = await t.create();
    try {
      const job = await insertTestJob(own.db);
      const base = Date.UTC(2026, 4, 1);
      const imgs = await insertTestImages(
        own.db,
        Array.from({ length: 8 }, (_, i) => testImage(job.id, i, { createdAt: new Date(base + i * 1000), favorite: i === 7 })),
      );
      const byIndex = [...imgs].sort((a, b) => a.index - b.index).map((r) => r.id);
      const favSet = async () => {
        const rows = await own.db.execute<{ id: string }>(sql`select id from images where favorite`);
        return new Set(rows.rows.map((r) => r.id));
      };
      const favFilter = async () => listGalleryIds(own.db, { favorites: true, sort: "newest" }, 500);
      expect(await favSet()).toEqual(new Set([byIndex[7]]));

      const unknown = ["00000000-0000-4000-8000-000000000000", "ffffffff-ffff-4fff-bfff-ffffffffffff"];
      // Three real rows, two unknown ids, one repeat: three rows exist.
      const named = [byIndex[1], byIndex[4], byIndex[6]];
      expect(await setFavorites(own.db, [...named, ...unknown, byIndex[4]], true)).toBe(3);
      expect(await favSet()).toEqual(new Set([...named, byIndex[7]]));
      // Newest first: index 7, 6, 4, 1.
      expect(await favFilter()).toEqual({ ids: [byIndex[7], byIndex[6], byIndex[4], byIndex[1]], total: 4 });
      expect(await walkGallery(own.db, { favorites: true, sort: "oldest" })).toEqual([byIndex[1], byIndex[4], byIndex[6], byIndex[7]]);

      // Starring an already starred row still counts it (it exists).
      expect(await setFavorites(own.db, [byIndex[7], byIndex[1]], true)).toBe(2);
      expect(await favSet()).toEqual(new Set([...named, byIndex[7]]));

      // Unstar two of them (and the one starred from the start); the rest stay as they were.
      expect(await setFavorites(own.db, [byIndex[4], byIndex[7], unknown[0]], false)).toBe(2);
      expect(await favSet()).toEqual(new Set([byIndex[1], byIndex[6]]));
      expect(await favFilter()).toEqual({ ids: [byIndex[6], byIndex[1]], total: 2 });

      // Unstarring rows that are not starred changes nothing else.
      expect(await setFavorites(own.db, [byIndex[0], byIndex[2]], false)).toBe(2);
      expect(await favSet()).toEqual(new Set([byIndex[1], byIndex[6]]));

      // Only unknown ids, or none at all: nothing exists, nothing changes.
      expect(await setFavorites(own.db, unknown, true)).toBe(0);
      expect(await setFavorites(own.db, [], true)).toBe(0);
      expect(await favSet()).toEqual(new Set([byIndex[1], byIndex[6]]));

      // Everything off.
      expect(await setFavorites(own.db, byIndex, false)).toBe(8);
      expect(await favFilter()).toEqual({ ids: [], total: 0 });
      expect((await listGalleryIds(own.db, { sort: "newest" }, 500)).total).toBe(8);
    } finally {
      await own.close();
    }
  });

  it("setFavorites with a filter's ids stars exactly that filter's images", async () => {
    const own = await t.create();
    try {
      const mine = await seed(own.db);
      await setFavorites(own.db, mine.map((s) => s.id), false);
      const inpainting = await listGalleryIds(own.db, { task: "INPAINTING", sort: "newest" }, 500);
      expect(inpainting.total).toBe(15);
      expect(await setFavorites(own.db, inpainting.ids, true)).toBe(15);
      const favs = await listGalleryIds(own.db, { favorites: true, sort: "newest" }, 500);
      expect(favs).toEqual(inpainting);
      const notInpaintingFavs = await own.db.execute<{ n: number }>(
        sql`select count(*)::int as n from images i join jobs j on j.id = i.job_id where i.favorite and j.task_type <> 'INPAINTING'`,
      );
      expect(Number(notInpaintingFavs.rows[0].n)).toBe(0);
    } finally {
      await own.close();
    }
  });
});
