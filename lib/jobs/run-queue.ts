import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { claimWaitingRuns, countQueue, failJob, markSubmitted, returnToWaiting } from "@/lib/db/job-queries";
import { sweepStaleHolds } from "@/lib/db/ledger-queries";
import type { JobRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { ModelDefinition } from "@/lib/models";
import type { BlobStore } from "@/lib/storage";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { RequestBudget } from "@/lib/budget/request-budget";
import { expectedDurationMs, retryDelayMs } from "./poll-schedule";
import { upstreamRequestOf } from "./upstream-request";

/**
 * The run queue: sends `waiting` runs to the gateway, oldest first, as fast as the request
 * budget allows (lib/jobs/README.md, "The run queue"). Like the tracker it keeps at most one
 * timer, set for when the budget next has room, and none when nothing waits.
 *
 * A run is claimed (`submitting`, leased) before it is sent, so instances sharing a database
 * never send the same run. The gateway's answer decides what happens next:
 * - accepted: `queued`, handed to the tracker;
 * - not accepted and provably not sent (429, the gateway unreachable): back to `waiting` in its
 *   old place, tried again later, so a busy account delays runs instead of failing them;
 * - refused (invalid, model retired, no credits): `failed` with the gateway's reason, hold released;
 * - unknown (timeout after sending): `failed` as `outcome_unknown`, never resent.
 */
export interface RunQueueDeps {
  db: Db;
  client: Pick<UpstreamClient, "submit">;
  store: BlobStore;
  budget: Pick<RequestBudget, "take" | "giveBack" | "answered">;
  tracker: { wakeBy(at: Date): void };
  /** The definition a stored run is sent with (built-in or from the catalog); undefined if gone. */
  definitionOf(modelId: string): Promise<ModelDefinition | undefined>;
  /** The gateway refused a model: the models service shows it as unavailable. */
  onModelRefused?(modelId: string, error: AppError): void;
  leaseMs: number;
  baseDurationMs?: number;
  /** How long a hold may outlive its run before the sweep releases it (the gateway's job retention). */
  holdRetentionMs?: number;
  now?: () => Date;
  log?: (level: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>) => void;
  owner?: string;
}

/** Runs sent per budget decision: small enough that a burst does not take the whole minute at once. */
const BATCH = 10;
/** A gateway that cannot be reached is tried this many times per run before the run fails. */
const MAX_UNREACHABLE = 4;
const HOUR_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;

export class RunQueue {
  readonly owner: string;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private waiters: (() => void)[] = [];
  private readonly unreachable = new Map<string, number>();
  private lastSweep = 0;
  private readonly now: () => Date;

  constructor(private readonly deps: RunQueueDeps) {
    this.owner = deps.owner ?? `queue-${randomUUID()}`;
    this.now = deps.now ?? (() => new Date());
  }

  /** Send what waits now (and what a previous process left waiting). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.running = this.runLoop().finally(() => {
      this.running = undefined;
      // A kick that came while the last pass was finishing must not be lost.
      if (this.waiters.length > 0 && !this.stopped) this.kick();
    });
  }

  /**
   * Resolves once a pass that started after this call has finished: every run queued before the
   * call has then been sent, or is still waiting because the budget had no room for it.
   */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.kick();
    });
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.idle();
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  get hasTimer(): boolean {
    return this.timer !== undefined;
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private schedule(at: Date): void {
    const atMs = at.getTime() - this.now().getTime() + Date.now();
    if (this.stopped || atMs >= this.timerAt) return;
    this.clearTimer();
    this.timerAt = atMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.kick();
    }, Math.max(0, atMs - Date.now()));
    this.timer.unref?.();
  }

  private async runLoop(): Promise<void> {
    do {
      this.again = false;
      const waiters = this.waiters.splice(0);
      try {
        await this.sweepHolds();
        await this.pass();
      } catch (e) {
        this.deps.log?.("error", "queue.pass_failed", { error: e });
        this.schedule(new Date(this.now().getTime() + 2000));
      } finally {
        for (const resolve of waiters) resolve();
      }
    } while ((this.again || this.waiters.length > 0) && !this.stopped);
  }

  /** Sends waiting runs until none wait or the budget has no room; then sleeps until it has. */
  private async pass(): Promise<void> {
    const { db, budget, leaseMs } = this.deps;
    while (!this.stopped) {
      const { waiting } = await countQueue(db);
      if (waiting === 0) return;
      const want = Math.min(BATCH, waiting);
      const taken = await budget.take("submit", want);
      if (taken.granted === 0) {
        if (taken.retryAt) this.schedule(taken.retryAt);
        return;
      }
      const claimed = await claimWaitingRuns(db, this.owner, this.now(), leaseMs, taken.granted);
      // Another instance took some of them between the count and the claim.
      if (claimed.length < taken.granted) await budget.giveBack("submit", taken.granted - claimed.length, taken);
      const answered = (await Promise.all(claimed.map((job) => this.send(job)))).filter((t): t is Date => t !== undefined);
      // Counted from their answers, not from the take: the gateway counts a submit when it arrives.
      if (answered.length > 0) await budget.answered("submit", answered.length, taken, new Date(Math.max(...answered.map((t) => t.getTime()))));
      if (taken.granted < want) {
        if (taken.retryAt) this.schedule(taken.retryAt);
        return;
      }
      if (claimed.length === 0) return;
    }
  }

  private async sweepHolds(): Promise<void> {
    const now = this.now();
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now.getTime();
    const swept = await sweepStaleHolds(this.deps.db, new Date(now.getTime() - (this.deps.holdRetentionMs ?? HOUR_MS)), now);
    if (swept > 0) this.deps.log?.("warn", "ledger.holds_swept", { count: swept });
  }

  /** Sends one claimed run; resolves with when the gateway's answer came (undefined: never sent). */
  private async send(job: JobRow): Promise<Date | undefined> {
    const { db } = this.deps;
    let payload: Record<string, unknown>;
    const model = await this.deps.definitionOf(job.model);
    if (!model) {
      await failJob(db, job.id, "model_unavailable", `The model ${job.model} is no longer offered, so this run was not sent.`, this.now());
      return undefined;
    }
    try {
      payload = model.buildPayload(await upstreamRequestOf(db, this.deps.store, job.params, model));
    } catch (e) {
      const message = e instanceof AppError ? e.message : "Its stored request could not be rebuilt.";
      await failJob(db, job.id, "input_missing", `This run was not sent: ${message}`, this.now());
      this.deps.log?.("error", "queue.payload_failed", { jobId: job.id, error: e });
      return undefined;
    }
    let upstreamJobId: string;
    try {
      ({ jobId: upstreamJobId } = await this.deps.client.submit(payload, { prepaid: true }));
    } catch (e) {
      const answeredAt = this.now();
      await this.refused(job, e);
      return answeredAt;
    }
    this.unreachable.delete(job.id);
    const now = this.now();
    const firstPoll = new Date(now.getTime() + expectedDurationMs(job.params, this.deps.baseDurationMs));
    await markSubmitted(db, job.id, upstreamJobId, now, firstPoll);
    this.deps.tracker.wakeBy(firstPoll);
    this.deps.log?.("info", "job.submitted", { jobId: job.id, upstreamJobId, model: job.model, task: job.taskType });
    return now;
  }

  private async refused(job: JobRow, e: unknown): Promise<void> {
    const { db } = this.deps;
    const now = this.now();
    const err = e instanceof AppError ? e : new AppError("internal", "The run could not be sent.", { cause: e });
    if (err.code === "rate_limited") {
      // The client has blocked the budget until Retry-After; the run keeps its place.
      await returnToWaiting(db, job.id, now);
      this.schedule(new Date(now.getTime() + retryDelayMs(err.retryAfterSeconds, 0)));
      this.deps.log?.("warn", "queue.rate_limited", { jobId: job.id, retryAfterSeconds: err.retryAfterSeconds });
      return;
    }
    if (err.code === "upstream_unavailable") {
      const attempts = (this.unreachable.get(job.id) ?? 0) + 1;
      if (attempts < MAX_UNREACHABLE) {
        this.unreachable.set(job.id, attempts);
        await returnToWaiting(db, job.id, now);
        this.schedule(new Date(now.getTime() + retryDelayMs(err.retryAfterSeconds, attempts)));
        this.deps.log?.("warn", "queue.upstream_unavailable", { jobId: job.id, attempts, error: err });
        return;
      }
      this.unreachable.delete(job.id);
    }
    if (err.code === "outcome_unknown") {
      await failJob(db, job.id, err.code, `${err.message} The job may have been accepted; it was not resent to avoid paying twice.`, now);
      this.deps.log?.("warn", "job.submit_outcome_unknown", { jobId: job.id, error: err });
      return;
    }
    if (err.code === "model_unavailable") this.deps.onModelRefused?.(job.model, err);
    await failJob(db, job.id, err.code, err.message, now);
    this.deps.log?.("info", "job.refused", { jobId: job.id, code: err.code });
  }
}
