import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/db/client";
import { upstreamBlocks } from "@/lib/db/schema";

/**
 * The upstream request budget's table work (lib/budget/README.md): a sliding window of the
 * requests made in the last window, from every instance, counted per kind and whole second
 * (table `upstream_request_counts`), and the block a 429 sets. Every decision runs in one
 * transaction under one advisory lock, so instances sharing a database never overspend.
 *
 * A request counts from the whole second at or after the moment it was taken (`secondOf`), and
 * while that second is within the window: it leaves up to a second later than it would counted
 * to the millisecond, never earlier, and a decision reads at most one row per second and kind
 * however many requests the window holds.
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
  /** The time the granted requests were taken at (to give back unused ones: returnRequests). */
  at: Date;
  /** When the next request of this kind may fit (null when all were granted, or when runs wait: see unlessRunsWait). */
  retryAt: Date | null;
  /** Requests left in the window after this take (0 while blocked): as `BudgetStatus.left`. */
  left: number;
}

/**
 * Takes up to `want` requests from the budget. Polls (and catalog or sync calls) may use every
 * free request; a submit leaves one request free for each run being sent and each accepted run
 * whose next poll falls due within the window, and takes at most half of what is left (each run
 * it sends will need a poll of its own), so new submits never starve the polls of money already
 * spent.
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
  const mustLeave = Math.max(1, Math.min(used + granted + heldForPolls + 1 - limit, used + granted));
  const { rows } = await tx.execute<{ second: string }>(sql`
    select second from (
      select second, sum(n) over (order by second, kind) as passed from upstream_request_counts where second > ${since}
    ) w where passed >= ${mustLeave} order by second limit 1`);
  const retryAt = rows[0] ? new Date(new Date(rows[0].second).getTime() + windowMs) : new Date(now.getTime() + windowMs / limit);
  return { granted, at: now, retryAt: retryAt > now ? retryAt : new Date(now.getTime() + 50), left };
}

/** The whole second a request taken (or answered) at `at` counts from: `at` rounded up. */
export function secondOf(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / 1000) * 1000);
}

/**
 * The decision in one statement: the seconds that left the window are deleted; the block, the
 * requests still in the window, for a submit the runs that hold a request for their poll, and
 * when asked whether any run waits in line, are read; and what is granted is counted: nothing
 * while blocked or while runs wait, else up to `want` of the free room (limit − used − held), of
 * which a submit takes at most half, rounded up (it will need a poll of its own).
 *
 * Data-modifying WITH clauses run once whether or not anything reads them, and all parts see the
 * same snapshot (none sees the others' changes), so the count filters by `since` itself. `w` is
 * materialized: inlined, its counts ran once for each place `d` reads them. One text per kind
 * whatever `want` (PGlite keeps a prepared statement per text: pglite-prepared.ts).
 */
async function decide(
  tx: Tx,
  input: TakeInput,
  since: Date,
): Promise<{ blockedUntil: Date | null; used: number; heldForPolls: number; runsWait: boolean; granted: number }> {
  const submit = input.kind === "submit";
  // A run being sent counts too: once accepted it needs its poll, and runs sent by their own
  // requests take one request at a time while the ones before them may still be on the way.
  // An accepted run counts while its next poll falls due within a window from now: a request
  // granted now has left the window by the time a later poll comes, so it cannot crowd that poll
  // out (and however many runs are in flight, only those due soon are read).
  const horizon = new Date(input.now.getTime() + input.windowMs);
  const held = submit
    ? sql`((select count(*) from jobs where status = 'submitting')
        + (select count(*) from jobs where status in ('queued', 'processing') and next_poll_at <= ${horizon}))`
    : sql`0`;
  const runsWait = input.unlessRunsWait ? sql`exists (select 1 from jobs where status = 'waiting')` : sql`false`;
  const free = sql`greatest(0, ${input.limit}::int - w.used - w.held)`;
  const share = submit ? sql`ceil(${free} / 2.0)::int` : sql`${free}::int`;
  const { rows } = await tx.execute<{ blocked_until: string | null; used: number | string; held: number | string; runs_wait: boolean; granted: number | string }>(sql`
    with expired as (delete from upstream_request_counts where second <= ${since}),
    w as materialized (
      select (select blocked_until from upstream_blocks where account = ${ACCOUNT}) as blocked_until,
        (select coalesce(sum(n), 0) from upstream_request_counts where second > ${since}) as used,
        ${held} as held,
        ${runsWait} as runs_wait
    ),
    d as (
      select w.*, case when w.runs_wait or w.blocked_until > ${input.now} then 0 else least(${input.want}::int, ${share}) end as granted
      from w
    ),
    taken as (
      insert into upstream_request_counts (second, kind, n) select ${secondOf(input.now)}, ${input.kind}, d.granted from d where d.granted > 0
      on conflict (second, kind) do update set n = upstream_request_counts.n + excluded.n)
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

/** Gives back requests taken at `at` but not made (a claimed run someone else had already sent). */
export async function returnRequests(db: Db, kind: RequestKind, n: number, at: Date): Promise<void> {
  if (n <= 0) return;
  await db.execute(sql`
    update upstream_request_counts set n = greatest(0, n - ${n}) where second = ${secondOf(at)} and kind = ${kind}`);
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
  const from = secondOf(at);
  const to = secondOf(answeredAt);
  if (n <= 0 || to <= from) return;
  // Moves up to n from the take's second to the answer's (two different rows: one statement may
  // change each only once).
  await db.execute(sql`
    with moved as (
      update upstream_request_counts c set n = greatest(0, c.n - m.k)
      from (select second, kind, least(n, ${n}) as k from upstream_request_counts where second = ${from} and kind = ${kind}) m
      where c.second = m.second and c.kind = m.kind
      returning m.k)
    insert into upstream_request_counts (second, kind, n) select ${to}, ${kind}, k from moved where k > 0
    on conflict (second, kind) do update set n = upstream_request_counts.n + excluded.n`);
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
  /** The second the oldest requests still in the window count from: the next request frees when they leave. */
  oldestAt: Date | null;
  blockedUntil: Date | null;
}

export async function readBudgetState(db: Db, now: Date, windowMs: number): Promise<BudgetState> {
  const { rows } = await db.execute<{ used: number | string; oldest: string | null; blocked_until: string | null }>(sql`
    select coalesce(sum(n), 0) as used, min(second) filter (where n > 0) as oldest,
      (select blocked_until from upstream_blocks where account = ${ACCOUNT}) as blocked_until
    from upstream_request_counts where second > ${new Date(now.getTime() - windowMs)}`);
  const row = rows[0];
  const blockedUntil = row?.blocked_until ? new Date(row.blocked_until) : null;
  return {
    usedLastWindow: Number(row?.used ?? 0),
    // Raw timestamps come back as strings from both drivers (lib/db/client.ts).
    oldestAt: row?.oldest ? new Date(row.oldest) : null,
    blockedUntil: blockedUntil && blockedUntil > now ? blockedUntil : null,
  };
}
