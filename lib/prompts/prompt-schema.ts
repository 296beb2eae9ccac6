/**
 * What the prompt history routes take (browser-safe: the /prompts page checks an import file with
 * the same rules before sending it). Messages name the field and the limit; an import entry's
 * messages name its place too ("entries[3].text must be at most 10000 characters").
 */
import { z } from "zod";
import type { FieldError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/field-errors";
import { countChars } from "@/lib/display/count-chars";
import { refineStorableText } from "@/lib/text/storable-text";

export const PROMPT_KINDS = ["prompt", "negative"] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export const PROMPT_LIMITS = {
  /** GET /api/prompts?q=: characters, and words (each one more ILIKE). */
  queryMax: 200,
  queryWordsMax: 8,
  /** GET /api/prompts?limit= (the palette asks for 20, the /prompts page for 200). */
  listDefault: 20,
  listMax: 200,
  /** An import: entries, and characters per text (well above any model's prompt limit). */
  importEntriesMax: 10_000,
  textMax: 10_000,
  /** Bytes of an import body (the guard's 413): 10,000 long prompts fit. */
  importBytesMax: 8 * 1024 * 1024,
  /** Bytes of a pin body, `{ "pinned": true }`. */
  pinBytesMax: 4 * 1024,
  /** use_count is a 32-bit integer column. */
  useCountMax: 1_000_000_000,
} as const;

/** The version an export says it is; an import takes it (or no version at all). */
export const PROMPT_EXPORT_VERSION = 1;

const kind = z.enum(PROMPT_KINDS, { error: `kind must be one of ${PROMPT_KINDS.join(", ")}` });
/** "x is required" for a missing field, `wrong` for one of another type. */
const required = (name: string, wrong: string) => (issue: { input: unknown }) => (issue.input === undefined ? `${name} is required` : wrong);

/** ?q=&kind= of GET /api/prompts (limit is read by parseLimit, like the other lists). */
export const promptQuerySchema = z
  .object({
    q: z
      .string()
      .superRefine(refineStorableText("q"))
      .refine((q) => countChars(q) <= PROMPT_LIMITS.queryMax, `q must be at most ${PROMPT_LIMITS.queryMax} characters`)
      .refine((q) => searchWords(q).length <= PROMPT_LIMITS.queryWordsMax, `q must have at most ${PROMPT_LIMITS.queryWordsMax} words`)
      .default(""),
    kind: kind.optional(),
  })
  .strip();

/** The words of a search: every one must appear in a match, in any order. */
export function searchWords(q: string): string[] {
  return q.split(/\s+/u).filter((w) => w.length > 0);
}

export const pinBodySchema = z.object({ pinned: z.boolean({ error: "pinned must be true or false" }) }).strict();

const EARLIEST = Date.parse("2000-01-01T00:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

/** An ISO date-time with its zone (as an export writes it), a real calendar day, 2000 to tomorrow. */
const instant = (name: string) =>
  z
    .string({ error: `${name} must be an ISO date-time such as 2026-05-20T12:00:00Z` })
    .max(40, `${name} must be an ISO date-time such as 2026-05-20T12:00:00Z`)
    .refine((s) => z.iso.datetime({ offset: true }).safeParse(s).success && realDay(s), `${name} must be an ISO date-time such as 2026-05-20T12:00:00Z`)
    .refine((s) => {
      const t = Date.parse(s);
      // Not a date at all: the check above has said so.
      return !Number.isFinite(t) || (t >= EARLIEST && t <= Date.now() + DAY_MS);
    }, `${name} must be between 2000-01-01 and tomorrow`)
    .transform((s) => new Date(s));

/** 2024-02-30 passes the date-time pattern; Date would quietly make it March 1st. */
function realDay(s: string): boolean {
  const day = s.slice(0, 10);
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === day;
}

const importEntry = z
  .object({
    kind,
    text: z
      .string({ error: required("text", "text must be text") })
      .superRefine(refineStorableText("text"))
      .refine((t) => t.trim().length > 0, "text must not be empty")
      .refine((t) => countChars(t) <= PROMPT_LIMITS.textMax, `text must be at most ${PROMPT_LIMITS.textMax} characters`),
    useCount: z
      .number({ error: "useCount must be a number" })
      .int("useCount must be a whole number")
      .min(0, "useCount must be at least 0")
      .max(PROMPT_LIMITS.useCountMax, `useCount must be at most ${PROMPT_LIMITS.useCountMax}`)
      .default(1),
    firstUsedAt: instant("firstUsedAt").optional(),
    lastUsedAt: instant("lastUsedAt").optional(),
    pinned: z.boolean({ error: "pinned must be true or false" }).default(false),
  })
  .strict()
  .refine((e) => !e.firstUsedAt || !e.lastUsedAt || e.firstUsedAt <= e.lastUsedAt, { message: "lastUsedAt must not be before firstUsedAt", path: ["lastUsedAt"] });

/** POST /api/prompts/import: what GET /api/prompts/export gives (its `exportedAt` is ignored). */
export const importBodySchema = z
  .object({
    version: z.literal(PROMPT_EXPORT_VERSION, { error: `version must be ${PROMPT_EXPORT_VERSION}` }).optional(),
    exportedAt: z.string({ error: "exportedAt must be text" }).max(40, "exportedAt must be at most 40 characters").optional(),
    entries: z
      .array(importEntry, { error: required("entries", "entries must be a list of prompts") })
      .max(PROMPT_LIMITS.importEntriesMax, `entries must hold at most ${PROMPT_LIMITS.importEntriesMax} prompts`),
  })
  .strict();
export type ImportBody = z.infer<typeof importBodySchema>;
export type ImportEntry = ImportBody["entries"][number];

/** How a key that no prompt route takes is named. */
export const unknownPromptField = (key: string) => `${key} is not a prompt history field`;

/**
 * zod issues → field errors, each under its top-level field ("entries"), with an entry's place
 * in front of its message: "entries[3].text must be at most 10000 characters".
 */
export function promptFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const placed = issues.map((issue) => {
    const [head, index] = issue.path;
    if (head !== "entries" || typeof index !== "number") return issue;
    const where = `entries[${index}]`;
    const message = issue.code === "unrecognized_keys" ? `${where} has unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}` : `${where}.${issue.message}`;
    // Keyed by "entries": the route's body has no other name for an entry's field.
    return { ...issue, code: "custom" as const, path: ["entries"], message };
  });
  return toFieldErrors(placed as z.core.$ZodIssue[], unknownPromptField);
}
