import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { blockRequests, markRequestsAnswered, readBudgetState, returnRequests, takeRequests, takeRequestsIn, type RequestKind, type TakeResult } from "@/lib/db/rate-queries";

/**
 * The account's upstream request budget (README.md here): `perMinute` requests in any window,
 * counted in the database so that every instance sharing it shares the budget.
 *
 * The window is the gateway's minute plus one second: requests we send a minute apart may arrive
 * a little less than a minute apart (transit, clocks), and one spare second costs under 2% of
 * throughput where a 429 costs a whole Retry-After.
 */
export const WINDOW_MS = 61_000;
/** How late an answer may come after its take and still count from the take (`answered`). */
export const ANSWER_SLACK_MS = 250;
/** A 429 with no Retry-After: wait this long before anyone asks again. */
export const DEFAULT_BLOCK_MS = 10_000;

export interface BudgetStatus {
  perMinute: number;
  usedLastMinute: number;
  left: number;
  blockedUntil: Date | null;
  /** When the next request fits: now when some are left, else when the oldest leaves the window (or the block ends). */
  nextFreeAt: Date;
}

export interface RequestBudgetOptions {
  perMinute: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  log?: (level: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

export class RequestBudget {
  readonly perMinute: number;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly db: Db,
    private readonly opts: RequestBudgetOptions,
  ) {
    this.perMinute = opts.perMinute;
    this.now = opts.now ?? (() => new Date());
    this.sleep = opts.sleep ?? defaultSleep;
  }

  /** Takes up to `want` requests now, without waiting; says when the next one may fit. */
  take(kind: RequestKind, want: number): Promise<TakeResult> {
    return takeRequests(this.db, { kind, want: Math.max(0, want), limit: this.perMinute, windowMs: WINDOW_MS, now: this.now() });
  }

  /**
   * One submit for a new run, in its admission's transaction, granted only when no run waits in
   * line (lib/jobs/README.md, "A run sent by its own request").
   */
  takeSubmitIfLineEmpty(tx: Tx): Promise<TakeResult> {
    return takeRequestsIn(tx, { kind: "submit", want: 1, limit: this.perMinute, windowMs: WINDOW_MS, now: this.now(), unlessRunsWait: true });
  }

  /** Gives back requests taken at `taken.at` but not made. */
  giveBack(kind: RequestKind, n: number, taken: Pick<TakeResult, "at">): Promise<void> {
    return returnRequests(this.db, kind, n, taken.at);
  }

  /**
   * `n` requests taken at `taken.at` were answered by `answeredAt`: they count from then
   * (markRequestsAnswered). An answer within ANSWER_SLACK_MS of the take changes nothing worth a
   * write: the gateway counted the requests no later than that, which leaves most of the window's
   * spare second (above) for transit and clocks.
   */
  async answered(kind: RequestKind, n: number, taken: Pick<TakeResult, "at">, answeredAt: Date): Promise<void> {
    if (answeredAt.getTime() - taken.at.getTime() <= ANSWER_SLACK_MS) return;
    await markRequestsAnswered(this.db, kind, n, taken.at, answeredAt);
  }

  /** Waits until one request of `kind` fits, and takes it (catalog reads, sync calls). */
  async acquire(kind: RequestKind): Promise<void> {
    for (;;) {
      const { granted, retryAt } = await this.take(kind, 1);
      if (granted === 1) return;
      const wait = Math.max(50, (retryAt?.getTime() ?? this.now().getTime() + 1000) - this.now().getTime());
      await this.sleep(Math.min(wait, 5000));
    }
  }

  /** The gateway said 429 anyway (someone else uses the account): nobody asks until Retry-After. */
  async rateLimited(retryAfterMs: number | undefined): Promise<void> {
    const ms = retryAfterMs ?? DEFAULT_BLOCK_MS;
    this.opts.log?.("warn", "budget.rate_limited", { retryAfterMs: ms });
    await blockRequests(this.db, new Date(this.now().getTime() + ms));
  }

  async status(): Promise<BudgetStatus> {
    const now = this.now();
    const s = await readBudgetState(this.db, now, WINDOW_MS);
    const left = s.blockedUntil ? 0 : Math.max(0, this.perMinute - s.usedLastWindow);
    const freesAt = left > 0 || !s.oldestAt ? now : new Date(s.oldestAt.getTime() + WINDOW_MS);
    return {
      perMinute: this.perMinute,
      usedLastMinute: s.usedLastWindow,
      left,
      blockedUntil: s.blockedUntil,
      nextFreeAt: s.blockedUntil && s.blockedUntil > freesAt ? s.blockedUntil : freesAt,
    };
  }
}
