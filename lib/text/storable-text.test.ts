import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findUnstorableChar, refineStorableText, unstorableTextProblem } from "@/lib/text/storable-text";

describe("findUnstorableChar", () => {
  it("accepts ordinary, right-to-left, combining and astral text", () => {
    for (const text of ["", "a red fox", "שלום עולם", "e\u0301te\u0301", "🦊 in the snow 🏔️", "\ufffe\uffff", "tab\tnew\nline"]) {
      expect(findUnstorableChar(text), JSON.stringify(text)).toBeNull();
    }
  });

  it("finds a NUL and says where, 1-based", () => {
    expect(findUnstorableChar("\u0000")).toEqual({ kind: "NUL", position: 1 });
    expect(findUnstorableChar("fox\u0000")).toEqual({ kind: "NUL", position: 4 });
  });

  it("finds a lone high surrogate, a lone low surrogate and a reversed pair", () => {
    expect(findUnstorableChar("ab\ud800")).toEqual({ kind: "unpaired surrogate", position: 3 });
    expect(findUnstorableChar("\ud800x")).toEqual({ kind: "unpaired surrogate", position: 1 });
    expect(findUnstorableChar("x\udc00")).toEqual({ kind: "unpaired surrogate", position: 2 });
    expect(findUnstorableChar("\udc00\ud800")).toEqual({ kind: "unpaired surrogate", position: 1 });
  });

  it("counts an emoji before the problem as one character", () => {
    expect(findUnstorableChar("🦊🦊\u0000")).toEqual({ kind: "NUL", position: 3 });
  });

  it("reports the first problem when there are several", () => {
    expect(findUnstorableChar("a\ud800b\u0000")).toEqual({ kind: "unpaired surrogate", position: 2 });
  });
});

describe("unstorableTextProblem", () => {
  it("names the field, the rule and the position", () => {
    expect(unstorableTextProblem("prompt", "a fox\u0000")).toBe(
      "prompt must not contain NUL characters or unpaired surrogates (found a NUL at position 6)",
    );
    expect(unstorableTextProblem("title", "\ud800")).toBe(
      "title must not contain NUL characters or unpaired surrogates (found an unpaired surrogate at position 1)",
    );
    expect(unstorableTextProblem("prompt", "a fox")).toBeNull();
  });

  it("works as a zod refinement", () => {
    const schema = z.string().superRefine(refineStorableText("q"));
    expect(schema.safeParse("boat").success).toBe(true);
    const result = schema.safeParse("bo\u0000at");
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      "q must not contain NUL characters or unpaired surrogates (found a NUL at position 3)",
    ]);
  });
});
