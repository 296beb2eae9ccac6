import "server-only";
import type { ApiSpendCaps, ApiSpendPeriod, SpendSummary } from "@/lib/api-types";
import { getDb } from "@/lib/db/client";
import { listLedger, periodSpend, spendSummary } from "@/lib/db/ledger-queries";
import { microsToUsd } from "@/lib/models/money";
import { periodsAt, type Period } from "@/lib/time/zoned-periods";
import { ledgerCsv } from "./ledger-csv";
import { readCaps, saveCaps, storedCapsUsd, spendTimeZone, type CapsInput } from "./spending-caps";

/** What the /api/spend and /api/settings routes call. Every figure is read from the ledger. */
export async function readSpend(now = new Date()): Promise<SpendSummary> {
  const db = await getDb();
  const s = await spendSummary(db, periodsAt(now, spendTimeZone()));
  return {
    todayUsd: microsToUsd(s.todayMicros),
    monthUsd: microsToUsd(s.monthMicros),
    imagesToday: s.imagesToday,
    imagesMonth: s.imagesMonth,
    allTimeUsd: microsToUsd(s.allTimeMicros),
    imagesAllTime: s.imagesAllTime,
    byTask: s.byTask.map((t) => ({ taskType: t.taskType, usd: microsToUsd(t.micros), images: t.images })),
    byModel: s.byModel.map((m) => ({ model: m.model, usd: microsToUsd(m.micros), images: m.images })),
  };
}

export interface CapsState {
  timeZone: string;
  day: ApiSpendPeriod;
  month: ApiSpendPeriod;
}

/** The caps in force and how much of each is spent and held, now. */
export async function readCapsState(now = new Date()): Promise<CapsState> {
  const db = await getDb();
  const timeZone = spendTimeZone();
  const periods = periodsAt(now, timeZone);
  const [{ caps, ceilings }, spend] = await Promise.all([readCaps(db), periodSpend(db, periods)]);
  const view = (cap: number | null, ceiling: number | null, spent: number, period: Period): ApiSpendPeriod => ({
    capUsd: cap === null ? null : microsToUsd(cap),
    ceilingUsd: ceiling === null ? null : microsToUsd(ceiling),
    spentUsd: microsToUsd(spent),
    reservedUsd: microsToUsd(spend.reservedMicros),
    leftUsd: cap === null ? null : microsToUsd(Math.max(0, cap - spent - spend.reservedMicros)),
    resetsAt: period.end.toISOString(),
  });
  return {
    timeZone,
    day: view(caps.dayMicros, ceilings.dayMicros, spend.daySpentMicros, periods.day),
    month: view(caps.monthMicros, ceilings.monthMicros, spend.monthSpentMicros, periods.month),
  };
}

/** The caps as the Settings page set them (null: none set there). */
export async function readStoredCaps(): Promise<ApiSpendCaps> {
  const { stored } = await readCaps(await getDb());
  return storedCapsUsd(stored);
}

export async function updateCaps(input: CapsInput): Promise<ApiSpendCaps> {
  const { stored } = await saveCaps(await getDb(), input, new Date());
  return storedCapsUsd(stored);
}

/** The whole ledger as CSV, oldest first. */
export async function exportLedgerCsv(): Promise<string> {
  return ledgerCsv(await listLedger(await getDb()));
}
