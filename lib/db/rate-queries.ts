import "server-only";
import { and, asc, count, gt, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { jobs, upstreamBlocks, upstreamRequests } from "@/lib/db/schema";

/**
 * The upstream request budget's table work (lib/budget/README.md): a sliding log of the requests
 * made in the last window, from every instance, and the block a 429 sets. Every decision runs in
 * one transaction under one advisory lock, so instances sharing a database never overspend.
 */
const BUDGET_LOCK_KEY = 7_215_391_012;
const ACCOUNT = "gateway";

export type RequestKind = "poll" | "submit" | "catalog" | "sync";

export interface TakeInput {
  kind: RequestKind;
  /** How many requests the caller wants to make now. */
  want: number;
  limit: number;
  windowMs: number;
  now: Date;
}

export interface TakeResult {
  granted: number;
  /** The time the granted requests were counted at (to give back unused ones: returnRequests). */
  at: Date;
  /** When the next request of this kind may fit (null when all were granted). */
  retryAt: Date | null;
}

/**
 * Takes up to `want` requests from the budget. Polls (and catalog or sync calls) may use every
 * free request; a submit leaves one request free for each accepted job that still needs a poll,
 * and takes at most half of what is left (each run it sends will need a poll of its own), so new
 * submits never starve the polls of money already spent.
 */
export async function takeRequests(db: Db, input: TakeInput): Promise<TakeResult> {
  const { now, windowMs, limit } = input;
  const since = new Date(now.getTime() - windowMs);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BUDGET_LOCK_KEY})`);
    const [block] = await tx.select().from(upstreamBlocks).where(sql`${upstreamBlocks.account} = ${ACCOUNT}`);
    if (block && block.blockedUntil > now) return { granted: 0, at: now, retryAt: block.blockedUntil };
    await tx.delete(upstreamRequests).where(lte(upstreamRequests.at, since));
    const [{ used }] = await tx.select({ used: count() }).from(upstreamRequests);
    const heldForPolls = input.kind === "submit" ? await activeJobCount(tx) : 0;
    const free = Math.max(0, limit - used - heldForPolls);
    // A submit also needs a poll later: half the free room goes to submits (at least one).
    const granted = Math.min(input.kind === "submit" ? Math.ceil(free / 2) : free, input.want);
    if (granted > 0) {
      await tx.insert(upstreamRequests).values(Array.from({ length: granted }, () => ({ kind: input.kind, at: now })));
    }
    if (granted === input.want) return { granted, at: now, retryAt: null };
    // The next request fits when enough of the oldest ones have left the window.
    const mustLeave = used + granted + heldForPolls + 1 - limit;
    const [oldest] = await tx
      .select({ at: upstreamRequests.at })
      .from(upstreamRequests)
      .where(gt(upstreamRequests.at, since))
      .orderBy(asc(upstreamRequests.at))
      .offset(Math.max(0, Math.min(mustLeave, used + granted) - 1))
      .limit(1);
    const retryAt = oldest ? new Date(oldest.at.getTime() + windowMs) : new Date(now.getTime() + windowMs / limit);
    return { granted, at: now, retryAt: retryAt > now ? retryAt : new Date(now.getTime() + 50) };
  });
}

/** Accepted jobs that still need at least one poll. */
async function activeJobCount(tx: Tx): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(jobs)
    .where(and(inArray(jobs.status, ["queued", "processing"]), isNotNull(jobs.nextPollAt)));
  return n;
}

/** Gives back requests taken but not made (a claimed run someone else had already sent). */
export async function returnRequests(db: Db, kind: RequestKind, n: number, at: Date): Promise<void> {
  if (n <= 0) return;
  await db.execute(sql`
    delete from upstream_requests where id in (
      select id from upstream_requests where kind = ${kind} and at = ${at} order by id desc limit ${n})`);
}

/**
 * Requests taken at `at` were answered by `answeredAt`: from now on they count from then. The
 * gateway counts a request when it arrives, which is no later than when we read its answer, and
 * can be seconds after the take: during a burst of 120 posts, claiming the runs, building their
 * payloads and getting the submits onto the wire took 1.2 s on PostgreSQL and over 3 s on PGlite
 * (which runs on the event loop) (bench/budget-queue.ts), more than the window's spare second, so
 * the requests left our window while the gateway still counted them and the next submit got a
 * 429. Counting from the answer can only make the window wait longer than the gateway's.
 */
export async function markRequestsAnswered(db: Db, kind: RequestKind, n: number, at: Date, answeredAt: Date): Promise<void> {
  if (n <= 0 || answeredAt <= at) return;
  await db.execute(sql`
    update upstream_requests set at = ${answeredAt} where id = any(array(
      select id from upstream_requests where kind = ${kind} and at = ${at} order by id limit ${n}))`);
}

/** A 429 from the gateway: nobody sends anything until `until` (a later block wins). */
export async function blockRequests(db: Db, until: Date): Promise<void> {
  await db
    .insert(upstreamBlocks)
    .values({ account: ACCOUNT, blockedUntil: until })
    .onConflictDoUpdate({ target: upstreamBlocks.account, set: { blockedUntil: sql`greatest(${upstreamBlocks.blockedUntil}, excluded.blocked_until)` } });
}

export interface BudgetState {
  usedLastWindow: number;
  /** The oldest request still in the window: the next request frees when it leaves. */
  oldestAt: Date | null;
  blockedUntil: Date | null;
}

export async function readBudgetState(db: Db, now: Date, windowMs: number): Promise<BudgetState> {
  const [row] = await db
    .select({ used: count(), oldest: sql<string | null>`min(${upstreamRequests.at})` })
    .from(upstreamRequests)
    .where(gt(upstreamRequests.at, new Date(now.getTime() - windowMs)));
  const [block] = await db.select().from(upstreamBlocks).where(sql`${upstreamBlocks.account} = ${ACCOUNT}`);
  return {
    usedLastWindow: row?.used ?? 0,
    // Raw timestamps come back as strings from both drivers (lib/db/client.ts).
    oldestAt: row?.oldest ? new Date(row.oldest) : null,
    blockedUntil: block && block.blockedUntil > now ? block.blockedUntil : null,
  };
}
