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
  /**
   * A submit for a run that would go ahead of the line (a new run sent by its own request, see
   * lib/jobs/README.md): granted only when no run is `waiting`, so runs already in line go first.
   */
  unlessRunsWait?: boolean;
}

export interface TakeResult {
  granted: number;
  /** The time the granted requests were counted at (to give back unused ones: returnRequests). */
  at: Date;
  /** When the next request of this kind may fit (null when all were granted, or when runs wait: see unlessRunsWait). */
  retryAt: Date | null;
  /** Requests left in the window after this take (0 while blocked): as `BudgetStatus.left`. */
  left: number;
}

/**
 * Takes up to `want` requests from the budget. Polls (and catalog or sync calls) may use every
 * free request; a submit leaves one request free for each run sent or being sent that still
 * needs a poll, and takes at most half of what is left (each run it sends will need a poll of its
 * own), so new submits never starve the polls of money already spent.
 */
export async function takeRequests(db: Db, input: TakeInput): Promise<TakeResult> {
  return db.transaction((tx) => takeRequestsIn(tx, input));
}

/** As takeRequests, in the caller's transaction (a run's admission takes its submit with it). */
export async function takeRequestsIn(tx: Tx, input: TakeInput): Promise<TakeResult> {
  const { now, windowMs, limit } = input;
  const since = new Date(now.getTime() - windowMs);
  // The lock on its own, first: under READ COMMITTED the next statement's snapshot then sees
  // every decision committed before ours.
  await tx.execute(sql`select pg_advisory_xact_lock(${BUDGET_LOCK_KEY})`);
  const { blockedUntil, used, heldForPolls, runsWait, granted } = await decide(tx, input, since);
  if (blockedUntil && blockedUntil > now) return { granted: 0, at: now, retryAt: blockedUntil, left: 0 };
  // The runs in line are the queue's to send, when it next has room.
  if (runsWait) return { granted: 0, at: now, retryAt: null, left: Math.max(0, limit - used) };
  const left = Math.max(0, limit - used - granted);
  if (granted === input.want) return { granted, at: now, retryAt: null, left };
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
  return { granted, at: now, retryAt: retryAt > now ? retryAt : new Date(now.getTime() + 50), left };
}

/**
 * The decision in one statement: the requests that left the window are deleted; the block, the
 * requests still in the window, for a submit the runs sent or being sent that still need a poll,
 * and when asked whether any run waits in line, are read; and what is granted is inserted:
 * nothing while blocked or while runs wait, else up to `want` of the free room (limit − used −
 * held), of which a submit takes at most half, rounded up (it will need a poll of its own).
 *
 * Data-modifying WITH clauses run once whether or not anything reads them, and all parts see the
 * same snapshot (none sees the others' changes), so the count filters by `since` itself. One
 * text per kind whatever `want` (PGlite keeps a prepared statement per text: pglite-prepared.ts).
 */
async function decide(
  tx: Tx,
  input: TakeInput,
  since: Date,
): Promise<{ blockedUntil: Date | null; used: number; heldForPolls: number; runsWait: boolean; granted: number }> {
  const submit = input.kind === "submit";
  // A run being sent counts too: once accepted it needs its poll, and runs sent by their own
  // requests take one request at a time while the ones before them may still be on the way.
  const held = submit
    ? sql`(select count(*) from jobs where status in ('submitting', 'queued', 'processing') and (status = 'submitting' or next_poll_at is not null))`
    : sql`0`;
  const runsWait = input.unlessRunsWait ? sql`exists (select 1 from jobs where status = 'waiting')` : sql`false`;
  const free = sql`greatest(0, ${input.limit}::int - w.used - w.held)`;
  const share = submit ? sql`ceil(${free} / 2.0)::int` : sql`${free}::int`;
  const { rows } = await tx.execute<{ blocked_until: string | null; used: number | string; held: number | string; runs_wait: boolean; granted: number | string }>(sql`
    with expired as (delete from upstream_requests where at <= ${since}),
    w as (
      select (select blocked_until from upstream_blocks where account = ${ACCOUNT}) as blocked_until,
        (select count(*) from upstream_requests where at > ${since}) as used,
        ${held} as held,
        ${runsWait} as runs_wait
    ),
    d as (
      select w.*, case when w.runs_wait or w.blocked_until > ${input.now} then 0 else least(${input.want}::int, ${share}) end as granted
      from w
    ),
    taken as (insert into upstream_requests (kind, at) select ${input.kind}, ${input.now} from d, generate_series(1, d.granted))
    select blocked_until, used, held, runs_wait, granted from d`);
  const row = rows[0];
  // Raw counts are numbers from PGlite and strings from node-postgres; raw timestamps strings from both (client.ts).
  return {
    blockedUntil: row.blocked_until ? new Date(row.blocked_until) : null,
    used: Number(row.used),
    heldForPolls: Number(row.held),
    runsWait: row.runs_wait === true,
    granted: Number(row.granted),
  };
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
