import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, lte, or, isNull, lt, sql } from "drizzle-orm";
import { redact } from "@/lib/secrets/redact";
import type { Db, Queryable } from "./client";
import { BuiltOnce, placeholders } from "./built-once";
import { closeHold } from "./ledger-queries";
import { images, jobs, type ImageRow, type JobRow, type NewJobRow } from "./schema";

/**
 * Job rows: creation, leases for the tracker, status changes and completion. Times come from the
 * caller's clock (not the database's) so tests can drive them and instances agree on one clock
 * source per decision.
 */
export const ACTIVE_STATUSES = ["queued", "processing"] as const;

export async function insertJob(db: Db, row: NewJobRow): Promise<JobRow> {
  const [job] = await db.insert(jobs).values(row).returning();
  return job;
}

export async function deleteJob(db: Db, id: string): Promise<void> {
  await db.delete(jobs).where(eq(jobs.id, id));
}

export async function getJob(db: Db, id: string): Promise<JobRow | undefined> {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job;
}

export async function getJobImages(db: Db, jobId: string): Promise<ImageRow[]> {
  return db.select().from(images).where(eq(images.jobId, jobId)).orderBy(asc(images.index));
}

/** The newest single runs: a sweep's cells are shown on its grid (lib/sweeps), not one by one. */
export async function listRecentJobs(db: Db, limit: number): Promise<JobRow[]> {
  return db.select().from(jobs).where(isNull(jobs.sweepId)).orderBy(desc(jobs.createdAt), desc(jobs.id)).limit(limit);
}

export async function listImagesOfJobs(db: Queryable, jobIds: string[]): Promise<ImageRow[]> {
  if (jobIds.length === 0) return [];
  return db.select().from(images).where(inArray(images.jobId, jobIds)).orderBy(asc(images.index));
}

/**
 * A claimed run the gateway accepted: `queued`, handed to the tracker. Returns the claimed row with
 * these changes (nobody else writes a run while its claim's lease holds: no read-back). On every
 * submit, so built once (built-once.ts).
 */
export async function markSubmitted(db: Db, claimed: JobRow, upstreamJobId: string, now: Date, nextPollAt: Date): Promise<JobRow> {
  const changes = { status: "queued", upstreamJobId, submittedAt: now, queuedAt: now, nextPollAt, updatedAt: now, leaseOwner: null, leaseUntil: null } as const;
  const statement = submitted.get("", () => db.update(jobs).set(placeholders(Object.keys(changes)) as Partial<NewJobRow>).where(eq(jobs.id, sql.placeholder("id"))));
  await db.execute(statement.bind({ ...changes, id: claimed.id }));
  return { ...claimed, ...changes };
}
const submitted = new BuiltOnce();

/**
 * Failure reasons often quote the gateway: they are redacted and cut to a readable length before
 * they are kept. The run's hold is closed in the same transaction: released (nothing was charged),
 * except for `outcome_unknown`, where the gateway may have accepted and billed the run: that is
 * settled at the estimate, so the caps never assume money that may be gone is still there.
 */
export async function failJob(db: Db, id: string, code: string, message: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [job] = await tx
      .update(jobs)
      .set({
        status: "failed",
        errorCode: redact(code).slice(0, 100),
        errorMessage: redact(message).slice(0, 1000),
        failedAt: now,
        updatedAt: now,
        nextPollAt: null,
        leaseOwner: null,
        leaseUntil: null,
      })
      .where(eq(jobs.id, id))
      .returning({ estimate: jobs.estimatedCostMicros, images: jobs.imagesRequested });
    if (!job) return;
    await closeHold(
      tx,
      id,
      code === "outcome_unknown"
        ? { kind: "settle", amountMicros: job.estimate, images: job.images, note: "outcome unknown: counted at the estimate", now }
        : { kind: "release", amountMicros: 0, images: 0, now },
    );
  });
}

// ---- the run queue ---------------------------------------------------------------------------

/**
 * Takes the `limit` oldest waiting runs for sending: `submitting`, leased to `owner`. SKIP LOCKED
 * lets instances claim at once without taking the same run; the order they are sent in is the
 * order they were queued in.
 */
export async function claimWaitingRuns(db: Db, owner: string, now: Date, leaseMs: number, limit: number): Promise<JobRow[]> {
  if (limit <= 0) return [];
  const claimed = await db.transaction(async (tx) => {
    // Chosen first, then updated: see claimDueJobs for why not one UPDATE … WHERE id IN (SELECT …).
    const next = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(eq(jobs.status, "waiting"))
      .orderBy(asc(jobs.createdAt), asc(jobs.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (next.length === 0) return [];
    return tx
      .update(jobs)
      .set({ status: "submitting", updatedAt: now, leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) })
      .where(inArray(jobs.id, next.map((n) => n.id)))
      .returning();
  });
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** A run the gateway provably did not take (429, never reached it): back in line, in its old place. */
export async function returnToWaiting(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ status: "waiting", updatedAt: now, leaseOwner: null, leaseUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, "submitting")));
}

/** Cancels waiting runs (all of them without `ids`), releasing their holds; returns those cancelled. */
export async function cancelWaitingRuns(db: Db, now: Date, ids?: string[]): Promise<JobRow[]> {
  return db.transaction(async (tx) => {
    const cancelled = await tx
      .update(jobs)
      .set({ status: "cancelled", cancelledAt: now, updatedAt: now, leaseOwner: null, leaseUntil: null })
      .where(and(eq(jobs.status, "waiting"), ids ? inArray(jobs.id, ids) : undefined))
      .returning();
    for (const job of cancelled) {
      await closeHold(tx, job.id, { kind: "release", amountMicros: 0, images: 0, note: "cancelled before it was sent", now });
    }
    return cancelled;
  });
}

export interface QueueCounts {
  waiting: number;
  inFlight: number;
}

export async function countQueue(db: Db): Promise<QueueCounts> {
  const [row] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${jobs.status} = 'waiting')`.mapWith(Number),
      inFlight: sql<number>`count(*) filter (where ${jobs.status} in ('submitting', 'queued', 'processing'))`.mapWith(Number),
    })
    .from(jobs)
    .where(inArray(jobs.status, ["waiting", "submitting", "queued", "processing"]));
  return row ?? { waiting: 0, inFlight: 0 };
}

/** Places in line of waiting runs (1 = next), by id. */
export async function waitingPositions(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: jobs.id, position: sql<number>`row_number() over (order by ${jobs.createdAt}, ${jobs.id})`.mapWith(Number) })
    .from(jobs)
    .where(eq(jobs.status, "waiting"));
  const wanted = new Set(ids);
  return new Map(rows.filter((r) => wanted.has(r.id)).map((r) => [r.id, r.position]));
}

/**
 * Takes up to `limit` due jobs for `owner` until `now + leaseMs`. `FOR UPDATE SKIP LOCKED` lets
 * several instances claim concurrently without waiting on or double-taking each other's rows.
 * The ids are chosen first, then updated, in one transaction: as a subquery of the UPDATE, a
 * LIMIT … SKIP LOCKED select may run once per row and hand out a fresh row each time (so a
 * claim of 1 took 5 waiting runs).
 */
export async function claimDueJobs(db: Db, owner: string, now: Date, leaseMs: number, limit: number): Promise<JobRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.status, [...ACTIVE_STATUSES]),
          isNotNull(jobs.nextPollAt),
          lte(jobs.nextPollAt, now),
          or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, now), eq(jobs.leaseOwner, owner)),
        ),
      )
      .orderBy(asc(jobs.nextPollAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(jobs)
      .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) })
      .where(inArray(jobs.id, due.map((d) => d.id)))
      .returning();
  });
}

/** When the tracker should next wake: the earliest due poll not leased by someone else. */
export async function nextWakeTime(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({
      at: sql<string | null>`min(greatest(${jobs.nextPollAt}, coalesce(${jobs.leaseUntil}, ${jobs.nextPollAt})))`,
    })
    .from(jobs)
    .where(and(inArray(jobs.status, [...ACTIVE_STATUSES]), isNotNull(jobs.nextPollAt)));
  return row?.at ? new Date(row.at) : null;
}

export interface PollUpdate {
  status: "queued" | "processing";
  progress: number;
  nextPollAt: Date;
  now: Date;
}

/** Records one poll's outcome and releases the lease; a no-op if the lease was lost. */
export async function recordPoll(db: Db, id: string, owner: string, u: PollUpdate, firstProcessing: boolean): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: u.status,
      progress: u.progress,
      nextPollAt: u.nextPollAt,
      pollCount: sql`${jobs.pollCount} + 1`,
      updatedAt: u.now,
      leaseOwner: null,
      leaseUntil: null,
      ...(firstProcessing ? { processingAt: u.now } : {}),
    })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner)));
}

/** A poll the request budget had no room for: later, not counted (no request was made). */
export async function deferPoll(db: Db, id: string, owner: string, nextPollAt: Date, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ nextPollAt, updatedAt: now, leaseOwner: null, leaseUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner)));
}

/** A poll that failed transiently: try again later, count it, release the lease. */
export async function reschedulePoll(db: Db, id: string, owner: string, nextPollAt: Date, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ nextPollAt, pollCount: sql`${jobs.pollCount} + 1`, updatedAt: now, leaseOwner: null, leaseUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner)));
}

export type NewImage = Omit<typeof images.$inferInsert, "jobId">;

/**
 * Completion in one transaction: the image rows (idempotent on (job, index), so a resumed job
 * cannot store an image twice) and the job's final state.
 */
export async function completeJob(
  db: Db,
  id: string,
  rows: NewImage[],
  outcome: { imagesReturned: number; imagesBlocked: number; actualCostMicros: number; upstreamCostMicros: number | null; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (rows.length > 0) {
      await tx
        .insert(images)
        .values(rows.map((r) => ({ ...r, jobId: id })))
        .onConflictDoNothing({ target: [images.jobId, images.index] });
    }
    await tx
      .update(jobs)
      .set({
        status: "completed",
        progress: 1,
        imagesReturned: outcome.imagesReturned,
        imagesBlocked: outcome.imagesBlocked,
        actualCostMicros: outcome.actualCostMicros,
        upstreamCostMicros: outcome.upstreamCostMicros,
        completedAt: outcome.now,
        updatedAt: outcome.now,
        nextPollAt: null,
        leaseOwner: null,
        leaseUntil: null,
        pollCount: sql`${jobs.pollCount} + 1`,
      })
      .where(eq(jobs.id, id));
    await closeHold(tx, id, { kind: "settle", amountMicros: outcome.actualCostMicros, images: outcome.imagesReturned, now: outcome.now });
  });
}

/**
 * Jobs left in `submitting` by a crash: whether upstream accepted them cannot be known. A run is
 * `submitting` from the moment the queue claims it (updated_at), however long it waited before.
 */
export async function listOrphanedSubmits(db: Db, olderThan: Date): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.status, "submitting"), lt(jobs.updatedAt, olderThan)));
}
