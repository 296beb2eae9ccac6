import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { linkJobInputs, type JobInputLink } from "@/lib/db/input-queries";
import { periodSpend, reserveWith, type PeriodSpend } from "@/lib/db/ledger-queries";
import { promptUseRows, promptUseWith } from "@/lib/db/prompt-queries";
import { BuiltOnce, placeholders, rowOf } from "@/lib/db/built-once";
import type { TakeResult } from "@/lib/db/rate-queries";
import { jobs, type JobRow, type NewJobRow } from "@/lib/db/schema";
import type { ZonedPeriods } from "@/lib/time/zoned-periods";

/**
 * Admission of a run into the queue, in one transaction under one advisory lock, so concurrent
 * submits (on one instance or many sharing a PostgreSQL) are decided one at a time:
 *
 * 1. the same Idempotency-Key within its window returns the run it made (or says the body differs);
 * 2. the run's maximum cost must fit every cap: spent in the period + held + cost ≤ cap;
 * 3. the job row (`waiting`), its input links and its hold (`reserve`) are written together;
 * 4. with `sendNow`, when no run waits in line and the request budget has room, the run takes
 *    its submit from the budget and is written `submitting`, leased to the caller, who sends it
 *    at once (lib/jobs/README.md, "A run sent by its own request").
 *
 * Nothing can be reserved past a cap, and a hold never exists without its run or the other way
 * round. Under READ COMMITTED a sum-then-insert would let two submits both see room; the lock
 * (held to commit) makes the second wait and see the first's hold.
 */
const ADMISSION_LOCK_KEY = 7_215_391_011;

export interface CapLimits {
  dayMicros: number | null;
  monthMicros: number | null;
}

export interface AdmitInput {
  row: NewJobRow & { estimatedCostMicros: number };
  links: JobInputLink[];
  idempotency?: { key: string; requestHash: string; since: Date };
  /**
   * The caps, or how to read them in the admission's transaction: then they are read under its
   * lock (a cap changed by a concurrent request is either seen or changed after this admission),
   * with its first statement.
   */
  caps: CapLimits | ((tx: Tx) => Promise<CapLimits>);
  periods: ZonedPeriods;
  now: Date;
  /** Written in the same transaction once the run is (a sweep cell's re-run points its cell at it). */
  onAdmitted?: (tx: Tx, job: JobRow) => Promise<void>;
  sendNow?: SendNow;
}

/** What a caller that would send the run itself brings (the run queue's `sendNowOffer`). */
export interface SendNow {
  /** The lease the run is written with: the queue's owner, for its lease time. */
  owner: string;
  leaseMs: number;
  /** One submit from the request budget, in this transaction, only if no run waits in line. */
  take(tx: Tx): Promise<TakeResult>;
}

export type OverCap = { kind: "over_cap"; period: "day" | "month"; capMicros: number; spend: PeriodSpend; needMicros: number };

export type Admission =
  /** `taken`: the run was claimed for its caller to send (`sendNow`), with this request. */
  | { kind: "admitted"; job: JobRow; taken?: TakeResult }
  | { kind: "replayed"; job: JobRow }
  | { kind: "key_reused"; job: JobRow }
  | OverCap;

export async function admitRun(db: Db, input: AdmitInput): Promise<Admission> {
  return db.transaction(async (tx) => {
    await lockAdmissions(tx);
    if (input.idempotency) {
      const earlier = await findByKey(tx, input.idempotency.key);
      if (earlier) {
        if (earlier.createdAt >= input.idempotency.since) {
          return earlier.requestHash === input.idempotency.requestHash
            ? { kind: "replayed", job: earlier }
            : { kind: "key_reused", job: earlier };
        }
        // Past its window the key is free again: the old run keeps everything but the key.
        await tx.update(jobs).set({ idempotencyKey: null }).where(eq(jobs.id, earlier.id));
      }
    }
    const need = input.row.estimatedCostMicros;
    const caps = typeof input.caps === "function" ? await input.caps(tx) : input.caps;
    const over = await checkCaps(tx, caps, input.periods, need);
    if (over) return over;
    const taken = input.sendNow ? await input.sendNow.take(tx) : undefined;
    const claimed = taken !== undefined && taken.granted > 0;
    const job = await insertRun(tx, input.row, input.links, input.now, {
      idempotencyKey: input.idempotency?.key ?? null,
      requestHash: input.idempotency?.requestHash ?? null,
      ...(claimed
        ? { status: "submitting", leaseOwner: input.sendNow!.owner, leaseUntil: new Date(input.now.getTime() + input.sendNow!.leaseMs) }
        : {}),
    });
    await input.onAdmitted?.(tx, job);
    return claimed ? { kind: "admitted", job, taken } : { kind: "admitted", job };
  });
}

/** Every admission (a run, a sweep's cells) takes this lock first and keeps it to commit. */
export async function lockAdmissions(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMISSION_LOCK_KEY})`);
}

/** Whether `need` more fits every cap, given what is spent and held; under the admission lock. */
export async function checkCaps(tx: Tx, caps: CapLimits, periods: ZonedPeriods, need: number): Promise<OverCap | null> {
  if (caps.dayMicros === null && caps.monthMicros === null) return null;
  const spend = await periodSpend(tx, periods);
  const over = overCap(caps, spend, need);
  return over ? { kind: "over_cap", period: over.period, capMicros: over.capMicros, spend, needMicros: need } : null;
}

/**
 * A run written with its input links, its hold and its prompt's use in the history, in the
 * caller's transaction: `waiting`, or `submitting` with a lease when `extra` says so (a run
 * claimed at admission).
 */
export async function insertRun(
  tx: Tx,
  row: NewJobRow & { estimatedCostMicros: number },
  links: JobInputLink[],
  now: Date,
  extra: Partial<NewJobRow> = {},
): Promise<JobRow> {
  // One statement writes the run, its hold and its prompt's use (the id is chosen here so the
  // hold can name it), built once per shape (built-once.ts).
  const values: Record<string, unknown> = { ...row, id: randomUUID(), status: "waiting", ...extra, createdAt: extra.createdAt ?? now, updatedAt: now };
  const columns = Object.keys(values).filter((k) => values[k] !== undefined).sort();
  const prompts = promptUseRows({ prompt: row.prompt, negativePrompt: typeof row.params.negative_prompt === "string" ? row.params.negative_prompt : null });
  const statement = runInserts.get(`${columns.join()}|${prompts.map((p) => p.kind).join()}`, () => {
    const ph = sql.placeholder;
    const hold = reserveWith(tx, { jobId: ph("id"), model: ph("model"), taskType: ph("taskType"), amountMicros: ph("estimatedCostMicros"), images: ph("imagesRequested") }, ph("updatedAt"));
    const uses = prompts.map((_, i) => ({ kind: ph(`prompt${i}Kind`), text: ph(`prompt${i}Text`), textHash: ph(`prompt${i}Hash`) }));
    return tx
      .with(...(uses.length > 0 ? [hold, promptUseWith(tx, uses, ph("updatedAt"))] : [hold]))
      .insert(jobs)
      .values(placeholders(columns) as unknown as NewJobRow)
      .returning();
  });
  prompts.forEach((p, i) => Object.assign(values, { [`prompt${i}Kind`]: p.kind, [`prompt${i}Text`]: p.text, [`prompt${i}Hash`]: p.textHash }));
  const { rows } = await tx.execute<Record<string, unknown>>(statement.bind(values));
  const job = rowOf(jobs, rows[0]);
  if (links.length > 0) await linkJobInputs(tx, job.id, links);
  return job;
}

/** The run inserts built so far, one per shape (which columns a run is given, which prompts it has). */
const runInserts = new BuiltOnce();

function overCap(caps: CapLimits, spend: PeriodSpend, need: number): { period: "day" | "month"; capMicros: number } | null {
  if (caps.dayMicros !== null && spend.daySpentMicros + spend.reservedMicros + need > caps.dayMicros) {
    return { period: "day", capMicros: caps.dayMicros };
  }
  if (caps.monthMicros !== null && spend.monthSpentMicros + spend.reservedMicros + need > caps.monthMicros) {
    return { period: "month", capMicros: caps.monthMicros };
  }
  return null;
}

async function findByKey(tx: Tx, key: string): Promise<JobRow | undefined> {
  const [job] = await tx.select().from(jobs).where(eq(jobs.idempotencyKey, key));
  return job;
}
