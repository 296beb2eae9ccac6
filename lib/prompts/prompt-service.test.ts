import { beforeEach, expect, it, vi } from "vitest";
import { recordPromptUse } from "@/lib/db/prompt-queries";
import { exportPrompts, importPrompts, listPrompts, mergeDuplicates, pinPrompt, removePrompt } from "@/lib/prompts/prompt-service";
import { emptyTables, insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { appErrorOf } from "@/lib/testing/share-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";

/** The prompt history service as the routes call it: list/search, pin, delete, export ⇄ import. */

// The service takes its database from lib/db (getDb); here it is the describe block's test db.
const holder = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => {
    if (!holder.db) throw new Error("test db not set");
    return holder.db;
  },
}));

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date();
const YESTERDAY = new Date(NOW.getTime() - DAY);
const query = (q: Record<string, string>) => new URLSearchParams(q);

forEachDialect("prompt-service", (t) => {
  beforeEach(async () => {
    holder.db = t.db;
    await emptyTables(t.db, ["prompt_history", "spend_ledger", "jobs"]);
  });

  it("finds a prompt used yesterday by three of its words in another order and case", async () => {
    await recordPromptUse(t.db, { prompt: "A lighthouse on a cliff at dusk, warm light, wide lens" }, YESTERDAY);
    await recordPromptUse(t.db, { prompt: "a lighthouse in fog" }, NOW);
    const found = await listPrompts(query({ q: "DUSK cliff lighthouse" }));
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ kind: "prompt", text: "A lighthouse on a cliff at dusk, warm light, wide lens", useCount: 1, lastUsedAt: YESTERDAY.toISOString(), pinnedAt: null, favorites: [] });
    expect((await listPrompts(query({ q: "lighthouse" }))).items.map((i) => i.text)).toEqual(["a lighthouse in fog", "A lighthouse on a cliff at dusk, warm light, wide lens"]);
  });

  it("lists favourites with the gallery's thumbnail URLs", async () => {
    const job = await insertTestJob(t.db, { prompt: "a fox", params: { prompt: "a fox" }, status: "completed" });
    const [img] = await insertTestImages(t.db, [testImage(job.id, 0, { favorite: true })]);
    await recordPromptUse(t.db, { prompt: "a fox" }, NOW);
    const [entry] = (await listPrompts(query({}))).items;
    expect(entry.favorites).toEqual([expect.objectContaining({ id: img.id, thumbUrl: `/api/images/${img.id}/thumb`, url: `/api/images/${img.id}/file`, favorite: true })]);
  });

  it("refuses a bad query with a 422 naming the field", async () => {
    for (const [q, field] of [
      [{ q: "a\u0000" }, "q"],
      [{ kind: "all" }, "kind"],
      [{ limit: "0" }, "limit"],
      [{ limit: "201" }, "limit"],
      [{ q: "x".repeat(201) }, "q"],
    ] as const) {
      const err = await appErrorOf(listPrompts(query(q)));
      expect(err.status, JSON.stringify(q)).toBe(422);
      expect(err.fields.map((f) => f.field)).toEqual([field]);
    }
  });

  it("pins and unpins; a broken body is a 422 before the id is looked at; an unknown id is a 404", async () => {
    await recordPromptUse(t.db, { prompt: "older" }, YESTERDAY);
    await recordPromptUse(t.db, { prompt: "newer" }, NOW);
    const older = (await listPrompts(query({ q: "older" }))).items[0];
    const pinned = await pinPrompt(older.id, { pinned: true });
    expect(pinned.pinnedAt).not.toBeNull();
    expect((await listPrompts(query({}))).items.map((i) => i.text)).toEqual(["older", "newer"]);
    expect((await pinPrompt(older.id, { pinned: false })).pinnedAt).toBeNull();
    expect((await listPrompts(query({}))).items.map((i) => i.text)).toEqual(["newer", "older"]);
    expect((await appErrorOf(pinPrompt("not-an-id", { pinned: "yes" }))).fields).toEqual([{ field: "pinned", message: "pinned must be true or false" }]);
    expect((await appErrorOf(pinPrompt(older.id, { pinned: true, sticky: 1 }))).fields).toEqual([{ field: "sticky", message: "sticky is not a prompt history field" }]);
    expect((await appErrorOf(pinPrompt("not-an-id", { pinned: true }))).status).toBe(404);
    expect((await appErrorOf(pinPrompt("00000000-0000-4000-8000-000000000000", { pinned: true }))).status).toBe(404);
  });

  it("removes one entry; removing it again or an unknown id is a 404", async () => {
    await recordPromptUse(t.db, { prompt: "gone soon" }, NOW);
    const [entry] = (await listPrompts(query({}))).items;
    await removePrompt(entry.id);
    expect((await listPrompts(query({}))).total).toBe(0);
    expect((await appErrorOf(removePrompt(entry.id))).status).toBe(404);
    expect((await appErrorOf(removePrompt("%ff"))).status).toBe(404);
  });

  it("export → import round trip: into an empty history it restores every entry as it was, hostile texts included", async () => {
    const hostile = ["'; drop table prompt_history; --", "50% _off_ \\", "<script>alert(1)</script>", "\u202egnp.exe", "🦊 Füchse", "line\r\nbreak", "  spaces kept  "];
    for (const [i, text] of hostile.entries()) await recordPromptUse(t.db, { prompt: text, negativePrompt: i % 2 ? text : null }, new Date(YESTERDAY.getTime() + i * 1000));
    await recordPromptUse(t.db, { prompt: hostile[0] }, NOW);
    const first = (await listPrompts(query({ limit: "200" }))).items.find((i) => i.text === hostile[4])!;
    await pinPrompt(first.id, { pinned: true });
    const exported = await exportPrompts();
    expect(exported.entries).toHaveLength(hostile.length + 3);
    // Through JSON, as the download and the upload carry it.
    const file = JSON.parse(JSON.stringify(exported)) as unknown;

    await emptyTables(t.db, ["prompt_history"]);
    expect(await importPrompts(file)).toEqual({ added: hostile.length + 3, merged: 0, total: hostile.length + 3 });
    const again = await exportPrompts();
    expect(again.entries).toEqual(exported.entries);
    // Importing the same file again changes nothing: counts are not added up.
    expect(await importPrompts(file)).toEqual({ added: 0, merged: hostile.length + 3, total: hostile.length + 3 });
    expect((await exportPrompts()).entries).toEqual(exported.entries);
  });

  it("an import never loses what is stored: a smaller count, later first use, earlier last use or no pin leave it as it was", async () => {
    await recordPromptUse(t.db, { prompt: "kept" }, YESTERDAY);
    await recordPromptUse(t.db, { prompt: "kept" }, NOW);
    const [kept] = (await listPrompts(query({}))).items;
    await pinPrompt(kept.id, { pinned: true });
    const before = await exportPrompts();
    const result = await importPrompts({
      entries: [
        { kind: "prompt", text: "kept", useCount: 1, firstUsedAt: NOW.toISOString(), lastUsedAt: NOW.toISOString(), pinned: false },
        { kind: "negative", text: "kept" },
      ],
    });
    expect(result).toEqual({ added: 1, merged: 1, total: 2 });
    const after = await exportPrompts();
    expect(after.entries.find((e) => e.kind === "prompt")).toEqual(before.entries[0]);
    expect(after.entries.find((e) => e.kind === "negative")).toMatchObject({ text: "kept", useCount: 1, pinned: false });
  });

  it("a broken import writes nothing and names the entry", async () => {
    await recordPromptUse(t.db, { prompt: "stored" }, NOW);
    const err = await appErrorOf(importPrompts({ entries: [{ kind: "prompt", text: "fine" }, { kind: "prompt", text: "x".repeat(10_001) }] }));
    expect(err.status).toBe(422);
    expect(err.fields).toEqual([{ field: "entries", message: "entries[1].text must be at most 10000 characters" }]);
    expect((await exportPrompts()).entries.map((e) => e.text)).toEqual(["stored"]);
  });
});

it("mergeDuplicates merges entries of the same kind and text by the database's rule", () => {
  const d = (day: number) => new Date(Date.UTC(2026, 4, day));
  const merged = mergeDuplicates([
    { kind: "prompt", text: "a", useCount: 2, firstUsedAt: d(3), lastUsedAt: d(4), pinnedAt: null },
    { kind: "negative", text: "a", useCount: 1, firstUsedAt: d(1), lastUsedAt: d(1), pinnedAt: null },
    { kind: "prompt", text: "a", useCount: 5, firstUsedAt: d(2), lastUsedAt: d(3), pinnedAt: d(3) },
  ]);
  expect(merged).toEqual([
    { kind: "prompt", text: "a", useCount: 5, firstUsedAt: d(2), lastUsedAt: d(4), pinnedAt: d(3) },
    { kind: "negative", text: "a", useCount: 1, firstUsedAt: d(1), lastUsedAt: d(1), pinnedAt: null },
  ]);
});
