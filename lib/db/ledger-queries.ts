import "server-only";
import { asc, sql, type Placeholder } from "drizzle-orm";
import type { OrPlaceholder } from "@/lib/db/built-once";
import type { Queryable } from "@/lib/db/client";
import { spendLedger, type LedgerRow } from "@/lib/db/schema";
import type { ZonedPeriods } from "@/lib/time/zoned-periods";

/**
 * The spend ledger (schema.ts, `spend_ledger`): append-only rows, so what was spent never depends
 * on images or jobs that still exist. Writes that close a hold are idempotent (a partial unique
 * index allows one `settle` or `release` per run), so a resumed tracker cannot charge twice.
 */

/** sum() is numeric: node-postgres returns it as a string, PGlite as a number. */
const micros = (expr: ReturnType<typeof sql>) => sql<number>`coalesce(${expr}, 0)`.mapWith(Number);

/** The sum held for runs whose hold is not closed yet (waiting, submitting, in flight), as SQL. */
const openHoldsSum = sql`select coalesce(sum(r.amount_micros), 0) from spend_ledger r
  where r.kind = 'reserve' and not exists (select 1 from spend_ledger c where c.job_id = r.job_id and c.kind <> 'reserve')`;

/** Held for runs whose hold is not closed yet (waiting, submitting, in flight). */
export async function reservedMicros(db: Queryable): Promise<number> {
  const result = await db.execute<{ reserved: number | string }>(sql`select (${openHoldsSum}) as reserved`);
  return Number(result.rows[0]?.reserved ?? 0);
}

export interface PeriodSpend {
  daySpentMicros: number;
  monthSpentMicros: number;
  reservedMicros: number;
}

/**
 * What the caps compare against: settled in the day and month of `periods`, and held now.
 *
 * One statement, so one snapshot: a run that settles is a hold in one snapshot and a settle in
 * the next, and settling does not take the admission lock. Read in two statements, a settle
 * committing between them was in neither (two instances overbooked a $1.00 cap by one $0.12 run
 * in e2e/cluster.spec.ts that way; cap-settle-race.test.ts replays it).
 */
export async function periodSpend(db: Queryable, periods: ZonedPeriods): Promise<PeriodSpend> {
  const { day, month } = periods;
  const settled = (from: Date, to: Date) =>
    sql`(select coalesce(sum(s.amount_micros), 0) from spend_ledger s where s.kind = 'settle' and s.created_at >= ${from} and s.created_at < ${to})`;
  const result = await db.execute<{ day: number | string; month: number | string; reserved: number | string }>(sql`
    select ${settled(day.start, day.end)} as day, ${settled(month.start, month.end)} as month, (${openHoldsSum}) as reserved`);
  const row = result.rows[0];
  return { daySpentMicros: Number(row?.day ?? 0), monthSpentMicros: Number(row?.month ?? 0), reservedMicros: Number(row?.reserved ?? 0) };
}

export interface Hold {
  jobId: string;
  model: string;
  taskType: string;
  amountMicros: number;
  images: number;
}

export async function insertReserve(db: Queryable, hold: Hold, now: Date): Promise<void> {
  await reserveInsert(db, hold, now);
}

/** The same write as a WITH clause of another statement (a run's insert writes its hold with it). */
export function reserveWith(db: Queryable, hold: OrPlaceholder<Hold>, now: Date | Placeholder) {
  return db.$with("hold").as(reserveInsert(db, hold, now));
}

function reserveInsert(db: Queryable, hold: OrPlaceholder<Hold>, now: Date | Placeholder) {
  return db.insert(spendLedger).values({ ...hold, kind: sql`'reserve'`, createdAt: now });
}

/**
 * Closes a run's hold: `settle` with what it was charged, or `release` (nothing charged). The
 * run's model and task come from its job row. A second close of the same run is ignored. A
 * release is only written where there is a hold to release.
 */
export async function closeHold(
  db: Queryable,
  jobId: string,
  close: { kind: "settle" | "release"; amountMicros: number; images: number; note?: string; now: Date },
): Promise<void> {
  const needsHold = close.kind === "release" ? sql`and exists (select 1 from spend_ledger r where r.job_id = j.id and r.kind = 'reserve')` : sql``;
  await db.execute(sql`
    insert into spend_ledger (job_id, model, task_type, kind, amount_micros, images, note, created_at)
    select j.id, j.model, j.task_type, ${close.kind}, ${close.amountMicros}, ${close.images}, ${close.note ?? null}, ${close.now}
    from jobs j where j.id = ${jobId} ${needsHold}
    on conflict (job_id) where kind <> 'reserve' do nothing`);
}

/**
 * Holds nobody will close: the run is gone (its job deleted) or ended without closing its hold,
 * and the hold is older than `olderThan` (the gateway's job retention: no answer can come after
 * that). Released, so a leak can never block the caps for good. Returns how many.
 */
export async function sweepStaleHolds(db: Queryable, olderThan: Date, now: Date): Promise<number> {
  const result = await db.execute(sql`
    insert into spend_ledger (job_id, model, task_type, kind, amount_micros, images, note, created_at)
    select r.job_id, r.model, r.task_type, 'release', 0, 0, 'hold swept: the run ended or was removed without closing it', ${now}
    from spend_ledger r
    where r.kind = 'reserve' and r.created_at < ${olderThan}
      and not exists (select 1 from spend_ledger c where c.job_id = r.job_id and c.kind <> 'reserve')
      and not exists (select 1 from jobs j where j.id = r.job_id and j.status in ('waiting', 'submitting', 'queued', 'processing'))
    on conflict (job_id) where kind <> 'reserve' do nothing
    returning job_id`);
  return result.rows.length;
}

export interface SpendRow {
  todayMicros: number;
  monthMicros: number;
  imagesToday: number;
  imagesMonth: number;
  allTimeMicros: number;
  imagesAllTime: number;
  /** All-time spend per task type, most spent first. */
  byTask: { taskType: string; micros: number; images: number }[];
  /** All-time spend per model id, most spent first. */
  byModel: { model: string; micros: number; images: number }[];
}

const settled = sql`${spendLedger.kind} = 'settle'`;
const allTime = {
  micros: micros(sql`sum(${spendLedger.amountMicros})`),
  images: sql<number>`coalesce(sum(${spendLedger.images}), 0)`.mapWith(Number),
};

function allTimeBy(db: Queryable, key: typeof spendLedger.taskType | typeof spendLedger.model) {
  return db.select({ key, ...allTime }).from(spendLedger).where(settled).groupBy(key).orderBy(sql`2 desc`, key);
}

/** The spend summary (gallery, Settings), read from the ledger's settlements. */
export async function spendSummary(db: Queryable, periods: ZonedPeriods): Promise<SpendRow> {
  const { day, month } = periods;
  const inDay = sql`${spendLedger.createdAt} >= ${day.start} and ${spendLedger.createdAt} < ${day.end}`;
  const [row] = await db
    .select({
      todayMicros: micros(sql`sum(${spendLedger.amountMicros}) filter (where ${inDay})`),
      monthMicros: micros(sql`sum(${spendLedger.amountMicros})`),
      imagesToday: sql<number>`coalesce(sum(${spendLedger.images}) filter (where ${inDay}), 0)`.mapWith(Number),
      imagesMonth: sql<number>`coalesce(sum(${spendLedger.images}), 0)`.mapWith(Number),
    })
    .from(spendLedger)
    .where(sql`${settled} and ${spendLedger.createdAt} >= ${month.start} and ${spendLedger.createdAt} < ${month.end}`);
  const byTask = (await allTimeBy(db, spendLedger.taskType)).map(({ key, ...t }) => ({ taskType: key, ...t }));
  const byModel = (await allTimeBy(db, spendLedger.model)).map(({ key, ...m }) => ({ model: key, ...m }));
  return {
    todayMicros: row?.todayMicros ?? 0,
    monthMicros: row?.monthMicros ?? 0,
    imagesToday: row?.imagesToday ?? 0,
    imagesMonth: row?.imagesMonth ?? 0,
    allTimeMicros: byTask.reduce((a, t) => a + t.micros, 0),
    imagesAllTime: byTask.reduce((a, t) => a + t.images, 0),
    byTask,
    byModel,
  };
}

/** Every ledger row, oldest first (the CSV export). */
export async function listLedger(db: Queryable): Promise<LedgerRow[]> {
  return db.select().from(spendLedger).orderBy(asc(spendLedger.createdAt), asc(spendLedger.id));
}

/** A run's own ledger rows (tests and the job's detail). */
export async function ledgerOfJob(db: Queryable, jobId: string): Promise<LedgerRow[]> {
  return db.select().from(spendLedger).where(sql`${spendLedger.jobId} = ${jobId}`).orderBy(asc(spendLedger.id));
}
