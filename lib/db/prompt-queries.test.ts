import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import {
  deletePrompt,
  favoritesOfPrompts,
  hashPromptText,
  listAllPrompts,
  mergePrompts,
  recordPromptUse,
  searchPrompts,
  setPromptPinned,
  type ImportedPrompt,
} from "@/lib/db/prompt-queries";
import { promptHistory } from "@/lib/db/schema";
import { novaCanvas } from "@/lib/models";
import { emptyTables, insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import { periodsAt } from "@/lib/time/zoned-periods";
import { admitRun, insertRun } from "./run-admission";

/** Prompt history on both databases: recording at admission, search, pins, merge, favourites. */
const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-05-20T12:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

const search = (db: Db, q: string, over: { kind?: "prompt" | "negative"; limit?: number } = {}) =>
  searchPrompts(db, { words: q.split(/\s+/).filter(Boolean), limit: 50, ...over });
const texts = async (db: Db, q: string, over: { kind?: "prompt" | "negative"; limit?: number } = {}) => (await search(db, q, over)).rows.map((r) => r.text);

const imported = (text: string, over: Partial<ImportedPrompt> = {}): ImportedPrompt => ({
  kind: "prompt",
  text,
  useCount: 1,
  firstUsedAt: T0,
  lastUsedAt: T0,
  pinnedAt: null,
  ...over,
});

describe("hashPromptText", () => {
  it("is the SHA-256 hex of the UTF-8 text, as migration 0005 computes it", () => {
    expect(hashPromptText("a fox")).toBe(createHash("sha256").update(Buffer.from("a fox", "utf8")).digest("hex"));
    expect(hashPromptText("Füchse 🦊")).toBe(createHash("sha256").update(Buffer.from("Füchse 🦊", "utf8")).digest("hex"));
  });
});

forEachDialect("prompt history queries", (t) => {
  beforeEach(async () => {
    await emptyTables(t.db, ["prompt_history", "spend_ledger", "jobs"]);
  });

  it("hashes a text as the database's own sha256 does (so backfilled rows and new ones meet)", async () => {
    const text = "Füchse im Schnee 🦊, «naïve» ‘quotes’";
    const { rows } = await t.db.execute<{ h: string }>(sql`select encode(sha256(convert_to(${text}, 'UTF8')), 'hex') as h`);
    expect(rows[0].h).toBe(hashPromptText(text));
  });

  it("recordPromptUse counts each use of a prompt and a negative prompt separately; empty texts are skipped", async () => {
    await recordPromptUse(t.db, { prompt: "a lighthouse at dusk", negativePrompt: "blurry" }, at(0));
    await recordPromptUse(t.db, { prompt: "a lighthouse at dusk", negativePrompt: "" }, at(1));
    await recordPromptUse(t.db, { prompt: "", negativePrompt: null }, at(2));
    // The same text as a negative prompt is another entry.
    await recordPromptUse(t.db, { prompt: "blurry", negativePrompt: undefined }, at(3));
    const rows = await listAllPrompts(t.db);
    expect(rows.map((r) => [r.kind, r.text, r.useCount, r.firstUsedAt.toISOString(), r.lastUsedAt.toISOString()]).sort()).toEqual([
      ["negative", "blurry", 1, at(0).toISOString(), at(0).toISOString()],
      ["prompt", "a lighthouse at dusk", 2, at(0).toISOString(), at(1).toISOString()],
      ["prompt", "blurry", 1, at(3).toISOString(), at(3).toISOString()],
    ]);
  });

  it("a use with an older clock never moves last_used_at back", async () => {
    await recordPromptUse(t.db, { prompt: "p" }, at(5));
    await recordPromptUse(t.db, { prompt: "p" }, at(1));
    const [row] = await listAllPrompts(t.db);
    expect(row.useCount).toBe(2);
    expect(row.lastUsedAt.toISOString()).toBe(at(5).toISOString());
  });

  it("admitRun records the run's prompt and negative prompt in its transaction", async () => {
    const periods = periodsAt(T0, "UTC");
    const row = {
      model: novaCanvas.id,
      taskType: "TEXT_IMAGE",
      params: { task_type: "TEXT_IMAGE", prompt: "a red boat at dawn", negative_prompt: "people" },
      prompt: "a red boat at dawn",
      imagesRequested: 1,
      estimatedCostMicros: 120_000,
    };
    const caps = { dayMicros: null, monthMicros: null };
    await admitRun(t.db, { row, links: [], caps, periods, now: T0 });
    await admitRun(t.db, { row: { ...row, params: { ...row.params, negative_prompt: 7 } }, links: [], caps, periods, now: at(1) });
    // Refused over a cap: no run, so no use.
    await admitRun(t.db, { row, links: [], caps: { dayMicros: 1, monthMicros: null }, periods, now: at(2) });
    const rows = await listAllPrompts(t.db);
    expect(rows.map((r) => [r.kind, r.text, r.useCount]).sort()).toEqual([
      ["negative", "people", 1],
      ["prompt", "a red boat at dawn", 2],
    ]);
  });

  it("every waiting run written (a sweep's cells too, through insertRun) counts its texts", async () => {
    const row = (prompt: string) => ({ model: novaCanvas.id, taskType: "TEXT_IMAGE", params: { prompt, negative_prompt: "fog" }, prompt, imagesRequested: 1, estimatedCostMicros: 1 });
    await t.db.transaction(async (tx) => {
      for (const p of ["a red boat", "a green boat", "a red boat"]) await insertRun(tx, row(p), [], T0);
    });
    expect((await listAllPrompts(t.db)).map((r) => [r.kind, r.text, r.useCount]).sort()).toEqual([
      ["negative", "fog", 3],
      ["prompt", "a green boat", 1],
      ["prompt", "a red boat", 2],
    ]);
  });

  it("search: every word must appear, in any order, whatever the case", async () => {
    await mergePrompts(t.db, [
      imported("A quiet Harbour town at DUSK, seen from the hill"),
      imported("dusk over the harbour"),
      imported("a quiet forest"),
      imported("town hall at noon"),
    ]);
    expect(await texts(t.db, "dusk QUIET harbour")).toEqual(["A quiet Harbour town at DUSK, seen from the hill"]);
    expect((await texts(t.db, "harbour dusk")).sort()).toEqual(["A quiet Harbour town at DUSK, seen from the hill", "dusk over the harbour"]);
    expect(await texts(t.db, "harbour forest")).toEqual([]);
    expect(await texts(t.db, "")).toHaveLength(4);
    expect((await search(t.db, "quiet")).total).toBe(2);
  });

  it("search treats %, _ and \\ as themselves, and quotes and SQL as text", async () => {
    const hostile = ["50% off", "5_0 off", "back\\slash", "it's \"quoted\"", "'; drop table prompt_history; --", "Robert'); --", "ｆｕｌｌｗｉｄｔｈ", "tab\there", "line\nbreak"];
    await mergePrompts(t.db, [...hostile.map((h) => imported(h)), imported("500 off"), imported("5x0 off"), imported("backslash")]);
    expect(await texts(t.db, "50%")).toEqual(["50% off"]);
    expect(await texts(t.db, "5_0")).toEqual(["5_0 off"]);
    expect(await texts(t.db, "back\\slash")).toEqual(["back\\slash"]);
    expect(await texts(t.db, "it's")).toEqual([`it's "quoted"`]);
    expect(await texts(t.db, "drop table")).toEqual(["'; drop table prompt_history; --"]);
    expect(await texts(t.db, "%")).toEqual(["50% off"]);
    expect((await texts(t.db, "_")).sort()).toEqual(["'; drop table prompt_history; --", "5_0 off"]);
    expect(await texts(t.db, "line break")).toEqual(["line\nbreak"]);
    expect((await search(t.db, "")).total).toBe(hostile.length + 3);
  });

  it("lists pinned entries first, then by last use; kind filters; limit cuts but total counts all", async () => {
    await mergePrompts(t.db, [
      imported("old", { lastUsedAt: at(1) }),
      imported("middle", { lastUsedAt: at(2) }),
      imported("new", { lastUsedAt: at(3) }),
      imported("avoid this", { kind: "negative", lastUsedAt: at(4) }),
    ]);
    expect(await texts(t.db, "")).toEqual(["avoid this", "new", "middle", "old"]);
    const [old] = (await search(t.db, "old")).rows;
    const pinned = await setPromptPinned(t.db, old.id, true, at(9));
    expect(pinned?.pinnedAt?.toISOString()).toBe(at(9).toISOString());
    // Pinning again keeps the first pin's time.
    expect((await setPromptPinned(t.db, old.id, true, at(10)))?.pinnedAt?.toISOString()).toBe(at(9).toISOString());
    expect(await texts(t.db, "")).toEqual(["old", "avoid this", "new", "middle"]);
    expect(await texts(t.db, "", { kind: "prompt" })).toEqual(["old", "new", "middle"]);
    expect(await texts(t.db, "", { kind: "negative" })).toEqual(["avoid this"]);
    const cut = await search(t.db, "", { limit: 2 });
    expect(cut.rows.map((r) => r.text)).toEqual(["old", "avoid this"]);
    expect(cut.total).toBe(4);
    expect((await setPromptPinned(t.db, old.id, false, at(11)))?.pinnedAt).toBeNull();
    expect(await texts(t.db, "")).toEqual(["avoid this", "new", "middle", "old"]);
    expect(await setPromptPinned(t.db, "00000000-0000-4000-8000-000000000000", true, at(12))).toBeNull();
  });

  it("deletePrompt removes one entry; an unknown id is false", async () => {
    await mergePrompts(t.db, [imported("keep"), imported("drop")]);
    const [drop] = (await search(t.db, "drop")).rows;
    expect(await deletePrompt(t.db, drop.id)).toBe(true);
    expect(await deletePrompt(t.db, drop.id)).toBe(false);
    expect(await texts(t.db, "")).toEqual(["keep"]);
  });

  it("mergePrompts keeps the larger count, the earlier first use, the later last use, and a pin from either side", async () => {
    await recordPromptUse(t.db, { prompt: "stored" }, at(2));
    await recordPromptUse(t.db, { prompt: "stored" }, at(3));
    await recordPromptUse(t.db, { prompt: "stored" }, at(4));
    const [stored] = (await search(t.db, "stored")).rows;
    await setPromptPinned(t.db, stored.id, true, at(5));
    const first = await mergePrompts(t.db, [
      imported("stored", { useCount: 1, firstUsedAt: at(0), lastUsedAt: at(1) }),
      imported("fresh", { useCount: 7, firstUsedAt: at(1), lastUsedAt: at(6), pinnedAt: at(6) }),
    ]);
    expect(first).toEqual({ added: 1 });
    const byText = Object.fromEntries((await listAllPrompts(t.db)).map((r) => [r.text, r]));
    expect(byText.stored).toMatchObject({ useCount: 3, firstUsedAt: at(0), lastUsedAt: at(4), pinnedAt: at(5) });
    expect(byText.fresh).toMatchObject({ useCount: 7, firstUsedAt: at(1), lastUsedAt: at(6), pinnedAt: at(6) });
    // The same import again changes nothing; an unpinned copy does not unpin.
    expect(await mergePrompts(t.db, [imported("stored", { useCount: 1, firstUsedAt: at(0), lastUsedAt: at(1) }), imported("fresh", { useCount: 2, firstUsedAt: at(1), lastUsedAt: at(1) })])).toEqual({ added: 0 });
    const again = Object.fromEntries((await listAllPrompts(t.db)).map((r) => [r.text, r]));
    expect(again).toEqual(byText);
  });

  it("mergePrompts writes more entries than one batch, all or nothing", async () => {
    const many = Array.from({ length: 1203 }, (_, i) => imported(`prompt number ${i}`, { useCount: i }));
    expect(await mergePrompts(t.db, many)).toEqual({ added: 1203 });
    expect((await search(t.db, "")).total).toBe(1203);
    // A batch that fails (a count past the integer column) rolls back the batches before it.
    const broken = [...Array.from({ length: 600 }, (_, i) => imported(`another ${i}`)), imported("too many", { useCount: 2 ** 40 })];
    await expect(mergePrompts(t.db, broken)).rejects.toThrow();
    expect((await search(t.db, "")).total).toBe(1203);
  });

  it("favoritesOfPrompts: up to 4 favourite images per text, newest first, from prompts and negative prompts", async () => {
    const job = (prompt: string, negative?: string) =>
      insertTestJob(t.db, { prompt, params: { prompt, ...(negative ? { negative_prompt: negative } : {}) }, status: "completed" });
    const foxJobs = await Promise.all([job("a fox", "dogs"), job("a fox", "dogs"), job("a fox")]);
    const cat = await job("a cat", "dogs");
    const fox = foxJobs.flatMap((j, n) => Array.from({ length: 3 }, (_, i) => testImage(j.id, i, { favorite: i !== 1, createdAt: at(n * 3 + i) })));
    await insertTestImages(t.db, [...fox, testImage(cat.id, 0, { favorite: true, createdAt: at(20) })]);
    await mergePrompts(t.db, [imported("a fox"), imported("a cat"), imported("dogs", { kind: "negative" }), imported("never used")]);
    const entries = (await search(t.db, "")).rows;
    const favs = await favoritesOfPrompts(t.db, entries);
    const of = (text: string) => favs.get(entries.find((e) => e.text === text)!.id)!.map((i) => i.createdAt.toISOString());
    // The fox's six favourites are at days 0, 2, 3, 5, 6, 8: the newest four.
    expect(of("a fox")).toEqual([at(8), at(6), at(5), at(3)].map((d) => d.toISOString()));
    expect(of("a cat")).toEqual([at(20).toISOString()]);
    // "dogs" was the negative prompt of the first two fox runs and the cat run.
    expect(of("dogs")).toEqual([at(20), at(5), at(3), at(2)].map((d) => d.toISOString()));
    expect(of("never used")).toEqual([]);
    expect((await favoritesOfPrompts(t.db, [])).size).toBe(0);
  });

  it("the history table keeps one row per kind and text (the unique index the upserts rely on)", async () => {
    await recordPromptUse(t.db, { prompt: "x" }, at(0));
    await expect(t.db.insert(promptHistory).values({ kind: "prompt", text: "x", textHash: hashPromptText("x") })).rejects.toThrow();
  });
});
