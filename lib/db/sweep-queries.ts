import "server-only";
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/lib/db/client";
import type { JobInputLink } from "@/lib/db/input-queries";
import { checkCaps, insertRun, lockAdmissions, type CapLimits, type OverCap } from "@/lib/db/run-admission";
import { jobs, sweepCells, sweeps, type JobRow, type NewJobRow, type NewSweepRow, type SweepCellRow, type SweepRow } from "@/lib/db/schema";
import type { ZonedPeriods } from "@/lib/time/zoned-periods";

export interface SweepCellInput {
  position: number;
  x: number;
  y: number;
  z: number;
  /** The cell's run; absent for a cell dropped before Run (then `note` says so). */
  run?: { row: NewJobRow & { estimatedCostMicros: number }; links: JobInputLink[] };
  note?: string;
}

export interface AdmitSweepInput {
  sweep: Omit<NewSweepRow, "id" | "createdAt" | "updatedAt" | "idempotencyKey" | "requestHash">;
  /** In the order the queue should send them: the queue sends oldest first, so each is stamped 1 ms after the one before. */
  cells: SweepCellInput[];
  idempotency?: { key: string; requestHash: string; since: Date };
  caps: CapLimits;
  periods: ZonedPeriods;
  now: Date;
}

export type SweepAdmission =
  | { kind: "admitted"; sweep: SweepRow }
  | { kind: "replayed"; sweep: SweepRow }
  | { kind: "key_reused"; sweep: SweepRow }
  | OverCap;

/**
 * A sweep admitted whole or not at all, under the same lock as single runs (run-admission.ts):
 * the cap check counts every cell's maximum cost at once, then the sweep, each cell's run
 * (`waiting`, with its inputs and hold) and the cells are written in one transaction. A sweep
 * that does not fit is refused before any cell runs; one that fits can never be cut short by
 * money later.
 */
export async function admitSweep(db: Db, input: AdmitSweepInput): Promise<SweepAdmission> {
  return db.transaction(async (tx) => {
    await lockAdmissions(tx);
    if (input.idempotency) {
      const [earlier] = await tx.select().from(sweeps).where(eq(sweeps.idempotencyKey, input.idempotency.key));
      if (earlier) {
        if (earlier.createdAt >= input.idempotency.since) {
          return earlier.requestHash === input.idempotency.requestHash
            ? { kind: "replayed", sweep: earlier }
            : { kind: "key_reused", sweep: earlier };
        }
        await tx.update(sweeps).set({ idempotencyKey: null }).where(eq(sweeps.id, earlier.id));
      }
    }
    const need = input.cells.reduce((sum, c) => sum + (c.run?.row.estimatedCostMicros ?? 0), 0);
    const over = await checkCaps(tx, input.caps, input.periods, need);
    if (over) return over;
    const [sweep] = await tx
      .insert(sweeps)
      .values({
        ...input.sweep,
        idempotencyKey: input.idempotency?.key ?? null,
        requestHash: input.idempotency?.requestHash ?? null,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning();
    let order = 0;
    for (const cell of input.cells) {
      let jobId: string | null = null;
      if (cell.run) {
        const createdAt = new Date(input.now.getTime() + order++);
        jobId = (await insertRun(tx, cell.run.row, cell.run.links, input.now, { sweepId: sweep.id, createdAt })).id;
      }
      await tx.insert(sweepCells).values({ sweepId: sweep.id, position: cell.position, x: cell.x, y: cell.y, z: cell.z, jobId, note: cell.note ?? null });
    }
    return { kind: "admitted", sweep };
  });
}

export async function getSweep(db: Queryable, id: string): Promise<SweepRow | undefined> {
  const [row] = await db.select().from(sweeps).where(eq(sweeps.id, id));
  return row;
}

export async function listSweepCells(db: Queryable, sweepId: string): Promise<SweepCellRow[]> {
  return db.select().from(sweepCells).where(eq(sweepCells.sweepId, sweepId)).orderBy(sweepCells.position);
}

export async function getSweepCell(db: Queryable, sweepId: string, position: number): Promise<SweepCellRow | undefined> {
  const [row] = await db.select().from(sweepCells).where(and(eq(sweepCells.sweepId, sweepId), eq(sweepCells.position, position)));
  return row;
}

/** Points a cell at its new run (a re-run); the old run stays in the gallery, no longer in the grid. */
export async function setCellJob(db: Queryable, sweepId: string, position: number, jobId: string, now: Date): Promise<void> {
  await db.update(sweepCells).set({ jobId, note: null }).where(and(eq(sweepCells.sweepId, sweepId), eq(sweepCells.position, position)));
  await db.update(sweeps).set({ updatedAt: now }).where(eq(sweeps.id, sweepId));
}

/** The runs of a sweep's cells (its current ones), with their rows. */
export async function listSweepJobs(db: Queryable, sweepId: string): Promise<JobRow[]> {
  const ids = db.select({ id: sweepCells.jobId }).from(sweepCells).where(eq(sweepCells.sweepId, sweepId));
  return db.select().from(jobs).where(inArray(jobs.id, sql`(${ids})`));
}

export interface SweepListRow {
  sweep: SweepRow;
  /** Current cell runs by status. */
  statuses: Record<string, number>;
  actualCostMicros: number;
}

/** Newest first, keyset-paged by (created_at, id). */
export async function listSweeps(db: Queryable, limit: number, before?: { createdAt: Date; id: string }): Promise<SweepListRow[]> {
  const rows = await db
    .select()
    .from(sweeps)
    .where(before ? or(lt(sweeps.createdAt, before.createdAt), and(eq(sweeps.createdAt, before.createdAt), lt(sweeps.id, before.id))) : undefined)
    .orderBy(desc(sweeps.createdAt), desc(sweeps.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const counts = await db
    .select({ sweepId: sweepCells.sweepId, status: jobs.status, n: sql<number>`count(*)::int`, cost: sql<number>`coalesce(sum(${jobs.actualCostMicros}), 0)::bigint` })
    .from(sweepCells)
    .innerJoin(jobs, eq(jobs.id, sweepCells.jobId))
    .where(inArray(sweepCells.sweepId, rows.map((r) => r.id)))
    .groupBy(sweepCells.sweepId, jobs.status);
  return rows.map((sweep) => {
    const mine = counts.filter((c) => c.sweepId === sweep.id);
    return {
      sweep,
      statuses: Object.fromEntries(mine.map((c) => [c.status, Number(c.n)])),
      actualCostMicros: mine.reduce((sum, c) => sum + Number(c.cost), 0),
    };
  });
}

export async function deleteSweep(db: Queryable, id: string): Promise<boolean> {
  const gone = await db.delete(sweeps).where(eq(sweeps.id, id)).returning({ id: sweeps.id });
  return gone.length > 0;
}
