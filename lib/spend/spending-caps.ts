import "server-only";
import { z } from "zod";
import type { Db, Queryable } from "@/lib/db/client";
import type { CapLimits } from "@/lib/db/run-admission";
import { readSetting, writeSetting } from "@/lib/db/settings-queries";
import { env } from "@/lib/env";
import { validationFailed } from "@/lib/field-errors";
import { formatUsd, MICROS_PER_USD } from "@/lib/models/money";
import { systemTimeZone } from "@/lib/time/zoned-periods";

/**
 * The spending caps: what the Settings page stored, under the environment's ceilings
 * (SPEND_CAP_DAY_USD / SPEND_CAP_MONTH_USD). With a ceiling set, the cap is the lower of the
 * two, and "no cap" on the page means the ceiling; without one, the page decides alone.
 */
const SETTING_KEY = "spend_caps";

export interface StoredCaps {
  dayMicros: number | null;
  monthMicros: number | null;
}

export interface CapsView {
  /** In force now. */
  caps: CapLimits;
  /** As set on the Settings page (null: none set there). */
  stored: StoredCaps;
  ceilings: { dayMicros: number | null; monthMicros: number | null };
}

const storedShape = z.object({ dayMicros: z.number().int().nonnegative().nullable(), monthMicros: z.number().int().nonnegative().nullable() });

/** The calendar the caps and the spend summary count in: `TZ`, else the machine's zone. */
export function spendTimeZone(): string {
  return env().TZ ?? systemTimeZone();
}

function ceilings(): CapsView["ceilings"] {
  const e = env();
  const micros = (usd: number | undefined) => (usd === undefined ? null : Math.round(usd * MICROS_PER_USD));
  return { dayMicros: micros(e.SPEND_CAP_DAY_USD), monthMicros: micros(e.SPEND_CAP_MONTH_USD) };
}

const lower = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

export async function readCaps(db: Queryable): Promise<CapsView> {
  const parsed = storedShape.safeParse(await readSetting(db, SETTING_KEY));
  const stored = parsed.success ? parsed.data : { dayMicros: null, monthMicros: null };
  const ceil = ceilings();
  return {
    caps: { dayMicros: lower(stored.dayMicros, ceil.dayMicros), monthMicros: lower(stored.monthMicros, ceil.monthMicros) },
    stored,
    ceilings: ceil,
  };
}

/** Stored caps as the API shows them (USD). */
export function storedCapsUsd(stored: StoredCaps): { dayUsd: number | null; monthUsd: number | null } {
  const usd = (micros: number | null) => (micros === null ? null : micros / MICROS_PER_USD);
  return { dayUsd: usd(stored.dayMicros), monthUsd: usd(stored.monthMicros) };
}

const MAX_CAP_USD = 1_000_000;

function capField(name: string) {
  return z
    .number({ error: `${name} must be an amount in US dollars, or null for no cap` })
    .min(0, { error: `${name} must be at least 0` })
    .max(MAX_CAP_USD, { error: `${name} must be at most ${MAX_CAP_USD} US dollars` })
    .nullable();
}

export const capsBody = z
  .object({ dayUsd: capField("dayUsd"), monthUsd: capField("monthUsd") }, { error: "request body must be a JSON object" })
  .strict();

export type CapsInput = z.infer<typeof capsBody>;

/** Stores new caps (USD in, micro-dollars kept); a cap above its environment ceiling is refused by name. */
export async function saveCaps(db: Db, input: CapsInput, now: Date): Promise<CapsView> {
  const ceil = ceilings();
  const toMicros = (usd: number | null) => (usd === null ? null : Math.round(usd * MICROS_PER_USD));
  const next: StoredCaps = { dayMicros: toMicros(input.dayUsd), monthMicros: toMicros(input.monthUsd) };
  const problems = [
    overCeiling("dayUsd", next.dayMicros, ceil.dayMicros, "SPEND_CAP_DAY_USD"),
    overCeiling("monthUsd", next.monthMicros, ceil.monthMicros, "SPEND_CAP_MONTH_USD"),
  ].filter((p) => p !== null);
  if (problems.length > 0) throw validationFailed(problems);
  await writeSetting(db, SETTING_KEY, next, now);
  return readCaps(db);
}

function overCeiling(field: string, micros: number | null, ceiling: number | null, variable: string) {
  if (ceiling === null || micros === null || micros <= ceiling) return null;
  return { field, message: `${field} must be at most ${formatUsd(ceiling)}, the ceiling this server's ${variable} sets` };
}
