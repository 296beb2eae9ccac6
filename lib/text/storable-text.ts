/**
 * Free text the database can store (browser-safe: the forms run the same rule). PostgreSQL
 * refuses NUL in text and in jsonb, and an unpaired UTF-16 surrogate is not a character at all:
 * jsonb refuses its escape and a text column would get U+FFFD in its place. Both used to reach
 * the database and come back as a 500; every free-text field refuses them up front instead.
 */

/** NUL, a high surrogate with no low one after it, or a low surrogate with no high one before it. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface UnstorableChar {
  kind: "NUL" | "unpaired surrogate";
  /** 1-based, counted in characters as people see them (code points), like the length limits. */
  position: number;
}

export function findUnstorableChar(text: string): UnstorableChar | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  return {
    kind: match[0] === "\u0000" ? "NUL" : "unpaired surrogate",
    position: Array.from(text.slice(0, match.index)).length + 1,
  };
}

/** The message of the field's first unstorable character, or null when there is none. */
export function unstorableTextProblem(field: string, text: string): string | null {
  const found = findUnstorableChar(text);
  if (!found) return null;
  const what = found.kind === "NUL" ? "a NUL" : "an unpaired surrogate";
  return `${field} must not contain NUL characters or unpaired surrogates (found ${what} at position ${found.position})`;
}

/** For a zod `.superRefine`: one issue naming the field when the text cannot be stored. */
export function refineStorableText(field: string) {
  return (text: string, ctx: { addIssue: (issue: { code: "custom"; message: string }) => void }): void => {
    const problem = unstorableTextProblem(field, text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}
