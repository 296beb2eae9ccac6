import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { linkJobInputs, type JobInputLink } from "@/lib/db/input-queries";
import { insertReserve, periodSpend, type PeriodSpend } from "@/lib/db/ledger-queries";
import { recordPromptUse } from "@/lib/db/prompt-queries";
import { jobs, type JobRow, type NewJobRow } from "@/lib/db/schema";
import type { ZonedPeriods } from "@/lib/time/zoned-periods";

/**
 * Admission of a run into the queue, in one transaction under one advisory lock, so concurrent
 * submits (on one instance or many sharing a PostgreSQL) are decided one at a time:
 *
 * 1. the same Idempotency-Key within its window returns the run it made (or says the body differs);
 * 2. the run's maximum cost must fit every cap: spent in the period + held + cost ≤ cap;
 * 3. the job row (`waiting`), its input links and its hold (`reserve`) are written together.
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
  caps: CapLimits;
  periods: ZonedPeriods;
  now: Date;
}

export type Admission =
  | { kind: "admitted"; job: JobRow }
  | { kind: "replayed"; job: JobRow }
  | { kind: "key_reused"; job: JobRow }
  | { kind: "over_cap"; period: "day" | "month"; capMicros: number; spend: PeriodSpend; needMicros: number };

export async function admitRun(db: Db, input: AdmitInput): Promise<Admission> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADMISSION_LOCK_KEY})`);
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
    if (input.caps.dayMicros !== null || input.caps.monthMicros !== null) {
      const spend = await periodSpend(tx, input.periods);
      const over = overCap(input.caps, spend, need);
      if (over) return { kind: "over_cap", period: over.period, capMicros: over.capMicros, spend, needMicros: need };
    }
    const [job] = await tx
      .insert(jobs)
      .values({
        ...input.row,
        status: "waiting",
        idempotencyKey: input.idempotency?.key ?? null,
        requestHash: input.idempotency?.requestHash ?? null,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning();
    if (input.links.length > 0) await linkJobInputs(tx, job.id, input.links);
    await insertReserve(
      tx,
      { jobId: job.id, model: job.model, taskType: job.taskType, amountMicros: need, images: job.imagesRequested },
      input.now,
    );
    await recordPromptUse(tx, { prompt: input.row.prompt, negativePrompt: typeof input.row.params.negative_prompt === "string" ? input.row.params.negative_prompt : null }, input.now);
    return { kind: "admitted", job };
  });
}

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
