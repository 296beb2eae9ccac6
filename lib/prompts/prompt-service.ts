import "server-only";
/**
 * The prompt history as the API serves it: search and list, pin, delete, export, import. Entries
 * are written by run admission (lib/db/run-admission.ts, with the run's insert: promptUseWith); this only reads them
 * and applies the owner's changes. See README.md beside it.
 */
import type { ApiPromptEntry, ApiPromptExport, ApiPromptImportResult, ApiPromptList } from "@/lib/api-types";
import { getDb } from "@/lib/db/client";
import {
  countPrompts,
  deletePrompt,
  favoritesOfPrompts,
  listAllPrompts,
  mergePrompts,
  searchPrompts,
  setPromptPinned,
  type ImportedPrompt,
} from "@/lib/db/prompt-queries";
import type { ImageRow, PromptHistoryRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { validationFailed } from "@/lib/field-errors";
import { parseLimit } from "@/lib/http/query-params";
import { parseBodyValue } from "@/lib/http/parse-body";
import { isUuid } from "@/lib/ids";
import { toApiImage } from "@/lib/jobs/serialize";
import {
  importBodySchema,
  pinBodySchema,
  PROMPT_EXPORT_VERSION,
  PROMPT_LIMITS,
  promptFieldErrors,
  promptQuerySchema,
  searchWords,
  unknownPromptField,
  type ImportEntry,
} from "@/lib/prompts/prompt-schema";

function toApiPromptEntry(row: PromptHistoryRow, favorites: ImageRow[]): ApiPromptEntry {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    useCount: row.useCount,
    firstUsedAt: row.firstUsedAt.toISOString(),
    lastUsedAt: row.lastUsedAt.toISOString(),
    pinnedAt: row.pinnedAt?.toISOString() ?? null,
    favorites: favorites.map(toApiImage),
  };
}

/** GET /api/prompts?q=&kind=&limit=: every word of q must appear (any order, any case). */
export async function listPrompts(params: URLSearchParams): Promise<ApiPromptList> {
  const limit = parseLimit(params, { fallback: PROMPT_LIMITS.listDefault, max: PROMPT_LIMITS.listMax });
  const parsed = promptQuerySchema.safeParse({ q: params.get("q") ?? undefined, kind: params.get("kind") || undefined });
  if (!parsed.success) throw validationFailed(promptFieldErrors(parsed.error.issues));
  const db = await getDb();
  const { rows, total } = await searchPrompts(db, { words: searchWords(parsed.data.q), kind: parsed.data.kind, limit });
  const favorites = await favoritesOfPrompts(db, rows);
  return { items: rows.map((r) => toApiPromptEntry(r, favorites.get(r.id) ?? [])), total };
}

const notFound = () => new AppError("not_found", "No prompt history entry with this id.");

/** PUT /api/prompts/{id}/pin: the body is checked first, so a broken one is a 422 whatever the id. */
export async function pinPrompt(id: string, body: unknown, now = new Date()): Promise<ApiPromptEntry> {
  const { pinned } = parseBodyValue(pinBodySchema, body, { unknownFieldMessage: unknownPromptField });
  if (!isUuid(id)) throw notFound();
  const db = await getDb();
  const row = await setPromptPinned(db, id, pinned, now);
  if (!row) throw notFound();
  const favorites = await favoritesOfPrompts(db, [row]);
  return toApiPromptEntry(row, favorites.get(row.id) ?? []);
}

/** DELETE /api/prompts/{id}: the entry only; runs and images made with the text stay. */
export async function removePrompt(id: string): Promise<void> {
  if (!isUuid(id) || !(await deletePrompt(await getDb(), id))) throw notFound();
}

/** GET /api/prompts/export: every entry, in the shape the import takes back. */
export async function exportPrompts(now = new Date()): Promise<ApiPromptExport> {
  const rows = await listAllPrompts(await getDb());
  return {
    version: PROMPT_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    entries: rows.map((r) => ({
      kind: r.kind,
      text: r.text,
      useCount: r.useCount,
      firstUsedAt: r.firstUsedAt.toISOString(),
      lastUsedAt: r.lastUsedAt.toISOString(),
      pinned: r.pinnedAt !== null,
    })),
  };
}

/**
 * An import entry as stored: missing dates become the other date, or now; a pinned entry is
 * pinned as of its last use (when it was pinned is not exported).
 */
function toImported(e: ImportEntry, now: Date): ImportedPrompt {
  const lastUsedAt = e.lastUsedAt ?? e.firstUsedAt ?? now;
  const firstUsedAt = e.firstUsedAt ?? lastUsedAt;
  return { kind: e.kind, text: e.text, useCount: e.useCount, firstUsedAt, lastUsedAt, pinnedAt: e.pinned ? lastUsedAt : null };
}

/** Entries of the same kind and text merged by the rule the database applies to stored ones. */
export function mergeDuplicates(entries: readonly ImportedPrompt[]): ImportedPrompt[] {
  const byKey = new Map<string, ImportedPrompt>();
  for (const e of entries) {
    const key = `${e.kind}\u0000${e.text}`;
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen
        ? {
            ...seen,
            useCount: Math.max(seen.useCount, e.useCount),
            firstUsedAt: seen.firstUsedAt <= e.firstUsedAt ? seen.firstUsedAt : e.firstUsedAt,
            lastUsedAt: seen.lastUsedAt >= e.lastUsedAt ? seen.lastUsedAt : e.lastUsedAt,
            pinnedAt: seen.pinnedAt ?? e.pinnedAt,
          }
        : e,
    );
  }
  return [...byKey.values()];
}

/**
 * POST /api/prompts/import: the whole file is checked before anything is written (one broken
 * entry refuses the import, naming it), then merged in one transaction (prompt-queries.ts
 * `mergePrompts`: larger count, earlier first use, later last use, pinned if either is), so an
 * import never lowers or removes what is stored.
 */
export async function importPrompts(body: unknown, now = new Date()): Promise<ApiPromptImportResult> {
  const parsed = importBodySchema.safeParse(body);
  if (!parsed.success) throw validationFailed(promptFieldErrors(parsed.error.issues));
  const entries = mergeDuplicates(parsed.data.entries.map((e) => toImported(e, now)));
  const db = await getDb();
  const { added } = await mergePrompts(db, entries);
  return { added, merged: entries.length - added, total: await countPrompts(db) };
}
