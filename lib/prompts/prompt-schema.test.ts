import { describe, expect, it } from "vitest";
import { importBodySchema, pinBodySchema, PROMPT_LIMITS, promptFieldErrors, promptQuerySchema, searchWords } from "@/lib/prompts/prompt-schema";

/** The import's field errors for a body the schema must refuse. */
function importErrors(body: unknown) {
  const result = importBodySchema.safeParse(body);
  expect(result.success, JSON.stringify(body).slice(0, 200)).toBe(false);
  return promptFieldErrors(result.error!.issues);
}

const entry = (over: Record<string, unknown> = {}) => ({ kind: "prompt", text: "a fox in the snow", ...over });

describe("searchWords", () => {
  it("splits on any whitespace and drops empty words", () => {
    expect(searchWords("  fox\tsnow\n dusk  ")).toEqual(["fox", "snow", "dusk"]);
    expect(searchWords("")).toEqual([]);
    expect(searchWords("50%_\\")).toEqual(["50%_\\"]);
  });
});

describe("promptQuerySchema", () => {
  it("defaults q to nothing and takes a kind", () => {
    expect(promptQuerySchema.parse({})).toEqual({ q: "" });
    expect(promptQuerySchema.parse({ q: "fox", kind: "negative" })).toEqual({ q: "fox", kind: "negative" });
  });

  it("refuses NUL, a lone surrogate, too many characters or words, an unknown kind: each names its field and limit", () => {
    const errors = (v: unknown) => promptFieldErrors(promptQuerySchema.safeParse(v).error!.issues);
    expect(errors({ q: "a\u0000b" })).toEqual([{ field: "q", message: expect.stringContaining("q must not contain NUL") }]);
    expect(errors({ q: "\ud800" })[0].field).toBe("q");
    expect(errors({ q: "x".repeat(201) })).toEqual([{ field: "q", message: "q must be at most 200 characters" }]);
    expect(errors({ q: "a b c d e f g h i" })).toEqual([{ field: "q", message: "q must have at most 8 words" }]);
    expect(errors({ kind: "positive" })).toEqual([{ field: "kind", message: "kind must be one of prompt, negative" }]);
    // 200 characters as people count them: 200 emoji pass.
    expect(promptQuerySchema.safeParse({ q: "🦊".repeat(200) }).success).toBe(true);
  });
});

describe("pinBodySchema", () => {
  it("takes { pinned: boolean } and nothing else", () => {
    expect(pinBodySchema.parse({ pinned: true })).toEqual({ pinned: true });
    expect(pinBodySchema.safeParse({ pinned: "true" }).success).toBe(false);
    expect(pinBodySchema.safeParse({ pinned: true, extra: 1 }).success).toBe(false);
  });
});

describe("importBodySchema", () => {
  it("takes an export as written, and fills a minimal entry's defaults", () => {
    const body = {
      version: 1,
      exportedAt: "2026-05-20T12:00:00.000Z",
      entries: [
        { kind: "prompt", text: "a fox", useCount: 3, firstUsedAt: "2026-05-01T10:00:00.000Z", lastUsedAt: "2026-05-19T10:00:00+02:00", pinned: true },
        entry(),
      ],
    };
    const parsed = importBodySchema.parse(body);
    expect(parsed.entries[0]).toEqual({ kind: "prompt", text: "a fox", useCount: 3, firstUsedAt: new Date("2026-05-01T10:00:00Z"), lastUsedAt: new Date("2026-05-19T08:00:00Z"), pinned: true });
    expect(parsed.entries[1]).toEqual({ kind: "prompt", text: "a fox in the snow", useCount: 1, pinned: false });
    expect(importBodySchema.parse({ entries: [] }).entries).toEqual([]);
  });

  it("names the entry, the field and the limit of each problem", () => {
    const errors = importErrors({
      entries: [
        entry(),
        entry({ text: "x".repeat(PROMPT_LIMITS.textMax + 1) }),
        entry({ kind: "positive" }),
        entry({ useCount: -1 }),
        entry({ useCount: 1.5 }),
        entry({ firstUsedAt: "2024-02-30T00:00:00Z" }),
        entry({ lastUsedAt: "yesterday" }),
        entry({ firstUsedAt: "2026-05-02T00:00:00Z", lastUsedAt: "2026-05-01T00:00:00Z" }),
        entry({ text: "   " }),
        entry({ text: "nul\u0000" }),
        entry({ colour: "red" }),
        { kind: "prompt" },
        entry({ lastUsedAt: "9999-01-01T00:00:00Z" }),
        entry({ firstUsedAt: "1999-12-31T23:59:59Z" }),
        entry({ useCount: PROMPT_LIMITS.useCountMax + 1 }),
      ],
    });
    expect(errors.every((e) => e.field === "entries")).toBe(true);
    expect(errors.map((e) => e.message)).toEqual([
      "entries[1].text must be at most 10000 characters",
      "entries[2].kind must be one of prompt, negative",
      "entries[3].useCount must be at least 0",
      "entries[4].useCount must be a whole number",
      "entries[5].firstUsedAt must be an ISO date-time such as 2026-05-20T12:00:00Z",
      "entries[6].lastUsedAt must be an ISO date-time such as 2026-05-20T12:00:00Z",
      "entries[7].lastUsedAt must not be before firstUsedAt",
      "entries[8].text must not be empty",
      expect.stringMatching(/^entries\[9\]\.text must not contain NUL characters or unpaired surrogates/),
      "entries[10] has unknown field colour",
      "entries[11].text is required",
      "entries[12].lastUsedAt must be between 2000-01-01 and tomorrow",
      "entries[13].firstUsedAt must be between 2000-01-01 and tomorrow",
      "entries[14].useCount must be at most 1000000000",
    ]);
  });

  it("caps the number of entries, and refuses what is not an export", () => {
    const many = Array.from({ length: PROMPT_LIMITS.importEntriesMax + 1 }, (_, i) => entry({ text: `p${i}` }));
    expect(importErrors({ entries: many })).toEqual([{ field: "entries", message: "entries must hold at most 10000 prompts" }]);
    expect(importErrors({})).toEqual([{ field: "entries", message: "entries is required" }]);
    expect(importErrors({ entries: "all" })).toEqual([{ field: "entries", message: "entries must be a list of prompts" }]);
    expect(importErrors({ entries: [], version: 2 })).toEqual([{ field: "version", message: "version must be 1" }]);
    expect(importErrors({ entries: [], prompts: [] })).toEqual([{ field: "prompts", message: "prompts is not a prompt history field" }]);
    expect(importErrors(null)[0].field).toBe("");
    expect(importErrors([entry()])[0].field).toBe("");
    expect(importErrors({ entries: [null, 7, "x"] }).map((e) => e.message.slice(0, 11))).toEqual(["entries[0].", "entries[1].", "entries[2]."]);
  });

  it("takes hostile text as text: quotes, SQL, LIKE wildcards, emoji, right-to-left marks, 10,000 emoji", () => {
    const hostile = ["'; drop table prompt_history; --", "50% _off_ \\", "<script>alert(1)</script>", "\u202egnp.exe", "🦊".repeat(PROMPT_LIMITS.textMax), "line\r\nbreak"];
    const parsed = importBodySchema.parse({ entries: hostile.map((text) => entry({ text })) });
    expect(parsed.entries.map((e) => e.text)).toEqual(hostile);
  });
});
