import "server-only";
import { asc, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { upstreamBlocks, upstreamRequests } from "@/lib/db/schema";

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
    // The lock on its own, first: under READ COMMITTED the next statement's snapshot then sees
    // every decision committed before ours.
    await tx.execute(sql`select pg_advisory_xact_lock(${BUDGET_LOCK_KEY})`);
    const { blockedUntil, used, heldForPolls } = await readWindow(tx, input.kind, since);
    if (blockedUntil && blockedUntil > now) return { granted: 0, at: now, retryAt: blockedUntil };
    const free = Math.max(0, limit - used - heldForPolls);
    // A submit also needs a poll later: half the free room goes to submits (at least one).
    const granted = Math.min(input.kind === "submit" ? Math.ceil(free / 2) : free, input.want);
    if (granted > 0) {
      // One statement text whatever the count (PGlite keeps a prepared statement per text: pglite-prepared.ts).
      await tx.execute(sql`insert into upstream_requests (kind, at) select ${input.kind}, ${now} from generate_series(1, ${granted}::int)`);
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

/**
 * One statement instead of four: the requests that left the window are deleted, and the block,
 * the requests still in the window and, for a submit, the accepted jobs that still need a poll
 * are read. The DELETE in the WITH runs once whether or not anything reads it; a statement does
 * not see its own deletes, so the count filters by `since` itself.
 */
async function readWindow(tx: Tx, kind: RequestKind, since: Date): Promise<{ blockedUntil: Date | null; used: number; heldForPolls: number }> {
  const held = kind === "submit" ? sql`(select count(*) from jobs where status in ('queued', 'processing') and next_poll_at is not null)` : sql`0`;
  const { rows } = await tx.execute<{ blocked_until: string | null; used: number | string; held: number | string }>(sql`
    with expired as (delete from upstream_requests where at <= ${since})
    select (select blocked_until from upstream_blocks where account = ${ACCOUNT}) as blocked_until,
      (select count(*) from upstream_requests where at > ${since}) as used,
      ${held} as held`);
  const row = rows[0];
  // Raw counts are numbers from PGlite and strings from node-postgres; raw timestamps strings from both (client.ts).
  return { blockedUntil: row.blocked_until ? new Date(row.blocked_until) : null, used: Number(row.used), heldForPolls: Number(row.held) };
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
  const { rows } = await db.execute<{ used: number | string; oldest: string | null; blocked_until: string | null }>(sql`
    select count(*) as used, min(at) as oldest,
      (select blocked_until from upstream_blocks where account = ${ACCOUNT}) as blocked_until
    from upstream_requests where at > ${new Date(now.getTime() - windowMs)}`);
  const row = rows[0];
  const blockedUntil = row?.blocked_until ? new Date(row.blocked_until) : null;
  return {
    usedLastWindow: Number(row?.used ?? 0),
    // Raw timestamps come back as strings from both drivers (lib/db/client.ts).
    oldestAt: row?.oldest ? new Date(row.oldest) : null,
    blockedUntil: blockedUntil && blockedUntil > now ? blockedUntil : null,
  };
}
