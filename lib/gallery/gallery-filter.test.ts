import { describe, expect, it } from "vitest";
import {
  GALLERY_SORTS,
  galleryFilterParams,
  isFiltered,
  LAST_TO_DATE,
  MODEL_ID_MAX,
  nextDay,
  parseGalleryFilter,
  SEARCH_MAX,
  type FilterResult,
  type GalleryFilter,
} from "@/lib/gallery/gallery-filter";
import { TASK_TYPES } from "@/lib/models/task-types";

const parse = (query: string | Record<string, string>): FilterResult => parseGalleryFilter(new URLSearchParams(query));

const TASK_MESSAGE = `task must be one of ${TASK_TYPES.join(", ")}`;
const MODEL_MESSAGE = "model must be a model id: letters, digits and . _ : - only";

describe("parseGalleryFilter: valid values", () => {
  it("defaults to the newest sort with no filters", () => {
    expect(parse("")).toEqual({ ok: true, filter: { sort: "newest" } });
  });

  it("accepts every task type", () => {
    for (const task of TASK_TYPES) expect(parse({ task })).toEqual({ ok: true, filter: { task, sort: "newest" } });
  });

  it("accepts favorites=1 and favorites=true as the favourites filter", () => {
    expect(parse("favorites=1")).toEqual({ ok: true, filter: { favorites: true, sort: "newest" } });
    expect(parse("favorites=true")).toEqual({ ok: true, filter: { favorites: true, sort: "newest" } });
  });

  it("accepts both qualities", () => {
    expect(parse("quality=standard")).toEqual({ ok: true, filter: { quality: "standard", sort: "newest" } });
    expect(parse("quality=premium")).toEqual({ ok: true, filter: { quality: "premium", sort: "newest" } });
  });

  it("accepts real dates, and from equal to to", () => {
    expect(parse("from=2026-03-10")).toEqual({ ok: true, filter: { from: "2026-03-10", sort: "newest" } });
    expect(parse("to=2026-03-12")).toEqual({ ok: true, filter: { to: "2026-03-12", sort: "newest" } });
    expect(parse("from=2026-03-11&to=2026-03-11")).toEqual({ ok: true, filter: { from: "2026-03-11", to: "2026-03-11", sort: "newest" } });
    expect(parse("from=2024-02-29&to=2026-12-31")).toEqual({ ok: true, filter: { from: "2024-02-29", to: "2026-12-31", sort: "newest" } });
  });

  it("accepts a search of up to the limit, trimmed", () => {
    const longest = "a".repeat(SEARCH_MAX);
    expect(SEARCH_MAX).toBe(200);
    expect(parse({ q: longest })).toEqual({ ok: true, filter: { q: longest, sort: "newest" } });
    expect(parse({ q: "  red boat  " })).toEqual({ ok: true, filter: { q: "red boat", sort: "newest" } });
    // Wildcards are just characters here; the query escapes them.
    expect(parse({ q: "50% a_b" })).toEqual({ ok: true, filter: { q: "50% a_b", sort: "newest" } });
    // The limit applies after trimming.
    expect(parse({ q: ` ${longest} ` })).toEqual({ ok: true, filter: { q: longest, sort: "newest" } });
  });

  it("accepts model ids as the gateway spells them, including retired and unknown ones", () => {
    for (const model of ["amazon.nova-canvas-v1:0", "flux-2-klein-4b", "seedream-5-0-lite", "a", "retired.model_v0:9", "__proto__", "x".repeat(MODEL_ID_MAX)]) {
      expect(parse({ model }), model).toEqual({ ok: true, filter: { model, sort: "newest" } });
    }
  });

  it("accepts every sort", () => {
    for (const sort of GALLERY_SORTS) expect(parse({ sort })).toEqual({ ok: true, filter: { sort } });
  });

  it("combines every field", () => {
    expect(parse("task=INPAINTING&favorites=1&quality=premium&from=2026-03-10&to=2026-03-12&q=boat&sort=cost")).toEqual({
      ok: true,
      filter: { task: "INPAINTING", favorites: true, quality: "premium", from: "2026-03-10", to: "2026-03-12", q: "boat", sort: "cost" },
    });
  });

  it("ignores empty values, a blank search and unknown parameters", () => {
    expect(parse("task=&favorites=&quality=&from=&to=&q=&sort=")).toEqual({ ok: true, filter: { sort: "newest" } });
    expect(parse({ q: "   " })).toEqual({ ok: true, filter: { sort: "newest" } });
    expect(parse("cursor=abc&limit=7&foo=bar")).toEqual({ ok: true, filter: { sort: "newest" } });
  });

  it("accepts the last day each end of the range can be", () => {
    expect(parse("to=9999-12-30")).toEqual({ ok: true, filter: { to: "9999-12-30", sort: "newest" } });
    expect(parse("from=9999-12-31")).toEqual({ ok: true, filter: { from: "9999-12-31", sort: "newest" } });
    expect(parse("from=0001-01-01&to=0001-01-01")).toEqual({ ok: true, filter: { from: "0001-01-01", to: "0001-01-01", sort: "newest" } });
    expect(nextDay(LAST_TO_DATE)).toBe("9999-12-31");
  });

  it("uses the first of repeated parameters", () => {
    expect(parse("task=INPAINTING&task=nope")).toEqual({ ok: true, filter: { task: "INPAINTING", sort: "newest" } });
  });
});

describe("parseGalleryFilter: invalid values name the field and the limit", () => {
  const cases: [string, string | Record<string, string>, string, string][] = [
    ["task that is not a task type", "task=PAINTING", "task", TASK_MESSAGE],
    ["task in the wrong case", "task=text_image", "task", TASK_MESSAGE],
    ["favorites=2", "favorites=2", "favorites", "favorites must be 1"],
    ["favorites=0", "favorites=0", "favorites", "favorites must be 1"],
    ["quality=ultra", "quality=ultra", "quality", "quality must be one of standard, premium"],
    ["from=2026-13-01", "from=2026-13-01", "from", "from must be a real date"],
    ["to=2026-00-10", "to=2026-00-10", "to", "to must be a real date"],
    ["from after to", "from=2026-03-12&to=2026-03-11", "from", "from must not be after to"],
    ["q of 201 characters", { q: "a".repeat(SEARCH_MAX + 1) }, "q", "q must be at most 200 characters"],
    // Found by the fuzz run: PostgreSQL refuses NUL in text, and the query failed with a 500.
    ["q=%00", "q=%00", "q", "q must not contain NUL characters or unpaired surrogates (found a NUL at position 1)"],
    ["q with a NUL after spaces", { q: "  boat\u0000" }, "q", "q must not contain NUL characters or unpaired surrogates (found a NUL at position 7)"],
    // Found by the fuzz run: the day after 9999-12-31 is +010000-01-01, which the query's cast refused (500).
    ["to=9999-12-31", "to=9999-12-31", "to", "to must be on or before 9999-12-30"],
    ["model of 101 characters", { model: "m".repeat(MODEL_ID_MAX + 1) }, "model", "model must be at most 100 characters"],
    ["model of 70,000 characters", { model: "m".repeat(70_000) }, "model", "model must be at most 100 characters"],
    ["model with a space", { model: "flux 2" }, "model", MODEL_MESSAGE],
    ["model with a slash", { model: "../etc/passwd" }, "model", MODEL_MESSAGE],
    ["model with a quote and SQL", { model: "x' or '1'='1" }, "model", MODEL_MESSAGE],
    ["model=%00", "model=%00", "model", MODEL_MESSAGE],
    ["model with an unpaired surrogate", { model: "flux\ud800" }, "model", MODEL_MESSAGE],
    ["model with a LIKE wildcard", { model: "flux%" }, "model", MODEL_MESSAGE],
    ["model with a non-ASCII letter", { model: "flüx" }, "model", MODEL_MESSAGE],
    ["model with a trailing newline", { model: "flux-2-klein-4b\n" }, "model", MODEL_MESSAGE],
    ["model with angle brackets", { model: "<script>" }, "model", MODEL_MESSAGE],
    ["sort=random", "sort=random", "sort", "sort must be one of newest, oldest, cost"],
    ["sort in the wrong case", "sort=NEWEST", "sort", "sort must be one of newest, oldest, cost"],
  ];
  for (const [name, query, field, message] of cases) {
    it(`rejects ${name}`, () => {
      expect(parse(query)).toEqual({ ok: false, errors: [{ field, message }] });
    });
  }

  it('rejects from="yesterday" with the format message first', () => {
    const r = parse("from=yesterday");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toEqual({ field: "from", message: "from must be a date as YYYY-MM-DD" });
    expect(r.errors.every((e) => e.field === "from")).toBe(true);
  });

  it("rejects a date that is not zero-padded, or has extra characters", () => {
    for (const bad of ["2026-3-01", "2026-03-1", "26-03-01", "2026-03-01T00:00", " 2026-03-01", "2026/03/01"]) {
      const r = parse({ to: bad });
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.errors[0], bad).toEqual({ field: "to", message: "to must be a date as YYYY-MM-DD" });
    }
  });

  // Found by this test: a badly formatted date used to get three messages for one mistake.
  it('reports exactly one error for from="yesterday" (alone and with a to)', () => {
    expect(parse("from=yesterday")).toEqual({ ok: false, errors: [{ field: "from", message: "from must be a date as YYYY-MM-DD" }] });
    expect(parse("from=yesterday&to=2026-01-01")).toEqual({
      ok: false,
      errors: [{ field: "from", message: "from must be a date as YYYY-MM-DD" }],
    });
  });

  // Found by this test: Date.parse rolls 2026-02-30 over to March, and PostgreSQL then failed
  // the query with a 500; dates now have to survive a round trip.
  it("rejects impossible calendar dates (2026-02-30, 2026-04-31, 2026-02-29, 0000-01-01)", () => {
    for (const d of ["2026-02-30", "2026-04-31", "2026-02-29", "0000-01-01"]) {
      expect(parse({ from: d }), d).toEqual({ ok: false, errors: [{ field: "from", message: "from must be a real date" }] });
    }
  });

  it("reports every invalid field at once", () => {
    const r = parse("task=NOPE&favorites=2&quality=ultra&sort=random");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { field: "task", message: TASK_MESSAGE },
        { field: "favorites", message: "favorites must be 1" },
        { field: "quality", message: "quality must be one of standard, premium" },
        { field: "sort", message: "sort must be one of newest, oldest, cost" },
      ]),
    );
    expect(r.errors).toHaveLength(4);
  });
});

describe("galleryFilterParams", () => {
  const filters: GalleryFilter[] = [
    { sort: "newest" },
    { sort: "oldest" },
    { sort: "cost" },
    { task: "OUTPAINTING", sort: "newest" },
    { favorites: true, sort: "oldest" },
    { quality: "standard", sort: "newest" },
    { quality: "premium", sort: "cost" },
    { from: "2026-03-10", sort: "newest" },
    { to: "2026-03-12", sort: "newest" },
    { from: "2026-03-11", to: "2026-03-11", sort: "newest" },
    { q: "50% off & a_b = c+d / é #1 ?x", sort: "newest" },
    { model: "flux-2-klein-4b", sort: "newest" },
    { model: "amazon.nova-canvas-v1:0", task: "TEXT_IMAGE", sort: "cost" },
    { task: "VIRTUAL_TRY_ON", model: "seedream-5-0-lite", favorites: true, quality: "premium", from: "2026-01-01", to: "2026-12-31", q: "Red Boat", sort: "cost" },
  ];

  it("round-trips through parseGalleryFilter (also through a query string)", () => {
    for (const f of filters) {
      expect(parseGalleryFilter(galleryFilterParams(f)), JSON.stringify(f)).toEqual({ ok: true, filter: f });
      const viaString = new URLSearchParams(galleryFilterParams(f).toString());
      expect(parseGalleryFilter(viaString), JSON.stringify(f)).toEqual({ ok: true, filter: f });
    }
  });

  it("leaves defaults out: the plain gallery has no query string", () => {
    expect(galleryFilterParams({ sort: "newest" }).toString()).toBe("");
    expect(galleryFilterParams({ task: "TEXT_IMAGE", sort: "newest" }).toString()).toBe("task=TEXT_IMAGE");
    expect(galleryFilterParams({ sort: "oldest" }).toString()).toBe("sort=oldest");
    expect(galleryFilterParams({ model: "amazon.nova-canvas-v1:0", sort: "newest" }).toString()).toBe("model=amazon.nova-canvas-v1%3A0");
    expect(galleryFilterParams({ favorites: false, q: "", sort: "newest" }).toString()).toBe("");
    expect([...galleryFilterParams({ favorites: true, sort: "cost" }).entries()]).toEqual([
      ["favorites", "1"],
      ["sort", "cost"],
    ]);
  });
});

describe("isFiltered", () => {
  it("is false for no filter, whatever the sort", () => {
    for (const sort of GALLERY_SORTS) expect(isFiltered({ sort })).toBe(false);
    expect(isFiltered({ favorites: false, q: "", sort: "newest" })).toBe(false);
  });

  it("is true for each filter field", () => {
    const one: GalleryFilter[] = [
      { task: "TEXT_IMAGE", sort: "newest" },
      { model: "flux-2-klein-4b", sort: "newest" },
      { favorites: true, sort: "newest" },
      { quality: "standard", sort: "newest" },
      { from: "2026-03-10", sort: "newest" },
      { to: "2026-03-10", sort: "newest" },
      { q: "boat", sort: "cost" },
    ];
    for (const f of one) expect(isFiltered(f), JSON.stringify(f)).toBe(true);
  });

  it("agrees with the parser", () => {
    const r = parse("sort=cost");
    expect(r.ok && isFiltered(r.filter)).toBe(false);
    const s = parse("quality=premium&sort=cost");
    expect(s.ok && isFiltered(s.filter)).toBe(true);
  });
});
