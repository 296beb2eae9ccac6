import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, inArray, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { OrPlaceholder } from "@/lib/db/built-once";
import type { Queryable } from "@/lib/db/client";
import { images, promptHistory, type ImageRow, type PromptHistoryRow, type PromptKind } from "@/lib/db/schema";

/**
 * Prompt history (schema.ts `prompt_history`): one row per (kind, text), keyed by the text's
 * SHA-256 as migration 0005 computes it (`encode(sha256(convert_to(text, 'UTF8')), 'hex')`), so
 * a run admitted now lands on the row the backfill made for the same text.
 */
export function hashPromptText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The texts of a run that go into the history; empty ones are no prompt at all. */
export interface PromptUse {
  prompt?: string | null;
  negativePrompt?: string | null;
}

/**
 * Counts one use of each non-empty text of a run (use_count + 1, last_used_at = now). Admission
 * writes the same rows with the run's own insert (`promptUseWith`, run-admission.ts), so a run and
 * its history entry commit together; this form is for a write of its own (test fixtures).
 */
export async function recordPromptUse(db: Queryable, use: PromptUse, now: Date): Promise<void> {
  const rows = promptUseRows(use);
  if (rows.length > 0) await promptUseInsert(db, rows, now);
}

/** One history row per non-empty text of a run. */
export interface PromptUseRow {
  kind: PromptKind;
  text: string;
  textHash: string;
}

export function promptUseRows(use: PromptUse): PromptUseRow[] {
  return (
    [
      ["prompt", use.prompt],
      ["negative", use.negativePrompt],
    ] as const
  ).flatMap(([kind, text]) => (typeof text === "string" && text.length > 0 ? [{ kind, text, textHash: hashPromptText(text) }] : []));
}

/** The same write as a WITH clause of another statement (a run's insert counts its prompt with it); `rows` not empty. */
export function promptUseWith(db: Queryable, rows: OrPlaceholder<PromptUseRow>[], now: Date | Placeholder) {
  return db.$with("prompt_use").as(promptUseInsert(db, rows, now));
}

function promptUseInsert(db: Queryable, rows: OrPlaceholder<PromptUseRow>[], now: Date | Placeholder) {
  return db
    .insert(promptHistory)
    .values(rows.map((r) => ({ ...r, useCount: sql`1`, firstUsedAt: now, lastUsedAt: now })))
    .onConflictDoUpdate({
      target: [promptHistory.kind, promptHistory.textHash],
      // greatest(): a run admitted with an older clock never moves "last used" back.
      set: { useCount: sql`${promptHistory.useCount} + 1`, lastUsedAt: sql`greatest(${promptHistory.lastUsedAt}, excluded.last_used_at)` },
    });
}

export interface PromptSearch {
  /** Words that must all appear, in any order, case-insensitive; none: every entry. */
  words: readonly string[];
  kind?: PromptKind;
  limit: number;
}

/** `%word%` for ILIKE with the word's own wildcards escaped: "50%" searches for "50%". */
const containsPattern = (word: string) => `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

function searchConditions(s: Pick<PromptSearch, "words" | "kind">): SQL | undefined {
  const conditions: SQL[] = s.words.map((w) => sql`${promptHistory.text} ilike ${containsPattern(w)}`);
  if (s.kind) conditions.push(eq(promptHistory.kind, s.kind));
  return conditions.length ? and(...conditions) : undefined;
}

/** Pinned entries first, then the most recently used; the id breaks ties so the order is stable. */
export async function searchPrompts(db: Queryable, s: PromptSearch): Promise<{ rows: PromptHistoryRow[]; total: number }> {
  const where = searchConditions(s);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(promptHistory)
      .where(where)
      .orderBy(sql`${promptHistory.pinnedAt} is null`, desc(promptHistory.lastUsedAt), desc(promptHistory.id))
      .limit(s.limit),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(promptHistory).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function getPrompt(db: Queryable, id: string): Promise<PromptHistoryRow | null> {
  const [row] = await db.select().from(promptHistory).where(eq(promptHistory.id, id)).limit(1);
  return row ?? null;
}

/** Pins (keeping the first pin's time) or unpins; null for an unknown id. */
export async function setPromptPinned(db: Queryable, id: string, pinned: boolean, now: Date): Promise<PromptHistoryRow | null> {
  const [row] = await db
    .update(promptHistory)
    .set({ pinnedAt: pinned ? sql`coalesce(${promptHistory.pinnedAt}, ${now})` : null })
    .where(eq(promptHistory.id, id))
    .returning();
  return row ?? null;
}

export async function deletePrompt(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.delete(promptHistory).where(eq(promptHistory.id, id)).returning({ id: promptHistory.id });
  return rows.length > 0;
}

/**
 * Every entry, oldest first (an export reads in the order things happened); ties by kind and
 * text hash, never by id, so an export imported elsewhere exports the same again.
 */
export async function listAllPrompts(db: Queryable): Promise<PromptHistoryRow[]> {
  return db.select().from(promptHistory).orderBy(promptHistory.firstUsedAt, promptHistory.kind, promptHistory.textHash);
}

/** One entry of an import, already validated (lib/prompts/prompt-schema.ts). */
export interface ImportedPrompt {
  kind: PromptKind;
  text: string;
  useCount: number;
  firstUsedAt: Date;
  lastUsedAt: Date;
  pinnedAt: Date | null;
}

const IMPORT_BATCH = 500;

/**
 * Merges imported entries into the history, in one transaction. An entry of the same kind and
 * text as a stored one merges with it: the larger use count (re-importing an export, or importing
 * it on the machine it came from, changes nothing; adding would count the same runs twice), the
 * earlier first use, the later last use, pinned if either is. Nothing stored is ever lowered or
 * removed. Entries must be distinct by (kind, text) (the service merges duplicates first: one
 * statement cannot update a row twice). Returns how many entries were new.
 */
export async function mergePrompts(db: Queryable, entries: readonly ImportedPrompt[]): Promise<{ added: number }> {
  if (entries.length === 0) return { added: 0 };
  return db.transaction(async (tx) => {
    let added = 0;
    for (let i = 0; i < entries.length; i += IMPORT_BATCH) {
      const batch = entries.slice(i, i + IMPORT_BATCH).map((e) => ({ ...e, textHash: hashPromptText(e.text) }));
      const rows = await tx
        .insert(promptHistory)
        .values(batch)
        .onConflictDoUpdate({
          target: [promptHistory.kind, promptHistory.textHash],
          set: {
            useCount: sql`greatest(${promptHistory.useCount}, excluded.use_count)`,
            firstUsedAt: sql`least(${promptHistory.firstUsedAt}, excluded.first_used_at)`,
            lastUsedAt: sql`greatest(${promptHistory.lastUsedAt}, excluded.last_used_at)`,
            pinnedAt: sql`coalesce(${promptHistory.pinnedAt}, excluded.pinned_at)`,
          },
        })
        // xmax = 0 only on a row this statement inserted (an updated row carries the updating xid).
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      added += rows.filter((r) => r.inserted).length;
    }
    return { added };
  });
}

export async function countPrompts(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(promptHistory);
  return row?.n ?? 0;
}

/** Favourites shown per entry: the newest few are enough to recognise what a prompt made. */
export const FAVORITES_PER_PROMPT = 4;

/**
 * The newest favourite images (up to FAVORITES_PER_PROMPT) of runs made with each entry's text:
 * `jobs.prompt` for a prompt, the `negative_prompt` parameter for a negative one. Starts from the
 * favourites (images_favorite_idx, a small set) rather than from each text, since jobs.prompt has
 * no index. Keyed by entry id.
 */
export async function favoritesOfPrompts(db: Queryable, entries: readonly Pick<PromptHistoryRow, "id" | "kind" | "text">[]): Promise<Map<string, ImageRow[]>> {
  const out = new Map<string, ImageRow[]>();
  for (const kind of ["prompt", "negative"] as const) {
    const ofKind = entries.filter((e) => e.kind === kind);
    if (ofKind.length === 0) continue;
    const texts = [...new Set(ofKind.map((e) => e.text))];
    const source = kind === "prompt" ? sql`j.prompt` : sql`(j.params->>'negative_prompt')`;
    const ranked = await db.execute<{ id: string; text: string }>(sql`
      select r.id, r.text from (
        select i.id, ${source} as text,
               row_number() over (partition by ${source} order by i.created_at desc, i.id desc) as rank
        from images i join jobs j on j.id = i.job_id
        where i.favorite and ${source} in (${sql.join(texts.map((t) => sql`${t}`), sql`, `)})
      ) r where r.rank <= ${FAVORITES_PER_PROMPT}`);
    const textOf = new Map(ranked.rows.map((r) => [r.id, r.text]));
    const found = textOf.size ? await db.select().from(images).where(inArray(images.id, [...textOf.keys()])).orderBy(desc(images.createdAt), desc(images.id)) : [];
    const byText = new Map<string, ImageRow[]>();
    for (const image of found) {
      const text = textOf.get(image.id)!;
      byText.set(text, [...(byText.get(text) ?? []), image]);
    }
    for (const e of ofKind) out.set(e.id, byText.get(e.text) ?? []);
  }
  return out;
}
