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
import type { TakeResult } from "@/lib/db/rate-queries";
import type { SendNow } from "@/lib/db/run-admission";
import { PassLoop } from "./pass-loop";
import { firstPollDelayMs, hasSpareRequests, retryDelayMs } from "./poll-schedule";
import { upstreamRequestOf } from "./upstream-request";

/**
 * The run queue: sends `waiting` runs to the gateway, oldest first, as fast as the request
 * budget allows (lib/jobs/README.md, "The run queue"). Like the tracker it runs on a PassLoop:
 * at most one timer, set for when the budget next has room, and none when nothing waits.
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
  budget: Pick<RequestBudget, "take" | "giveBack" | "answered" | "perMinute" | "takeSubmitIfLineEmpty">;
  tracker: { wakeBy(at: Date): void };
  /** The event bus (lib/events): each sent run's change, and the queue's moves (waiting runs' places). */
  events?: { jobChanged(jobId: string): void; queueMoved(): void };
  /** The definition a stored run is sent with (built-in or from the catalog); undefined if gone. */
  definitionOf(modelId: string): Promise<ModelDefinition | undefined>;
  /** The gateway refused a model: the models service shows it as unavailable. */
  onModelRefused?(modelId: string, error: AppError): void;
  leaseMs: number;
  baseDurationMs?: number;
  /** How long a hold may outlive its run before the sweep releases it (the gateway's job retention). */
  holdRetentionMs?: number;
  /** More housekeeping on the same schedule (the tracker's orphaned submits of a dead instance). */
  housekeeping?: () => Promise<void>;
  now?: () => Date;
  log?: (level: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>) => void;
  owner?: string;
}

interface Sent {
  answeredAt?: Date;
  putBack: boolean;
  /** The run as written once the gateway accepted it (`queued`). */
  accepted?: JobRow;
}

/** What became of a run its own request sent (sendAdmitted). */
export type AdmittedSend =
  | { kind: "accepted"; job: JobRow }
  /** The gateway refused it: the refusal is the answer to Run (the run is `failed`). */
  | { kind: "refused"; error: AppError }
  /** Put back in line (429, gateway unreachable), or failed without a refusal to hand over. */
  | { kind: "other" };
const NOT_SENT: Sent = { putBack: false };

/** Runs sent per budget decision: small enough that a burst does not take the whole minute at once. */
const BATCH = 10;
/** A gateway that cannot be reached is tried this many times per run before the run fails. */
const MAX_UNREACHABLE = 4;
const HOUR_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;

export class RunQueue {
  readonly owner: string;
  private readonly loop: PassLoop;
  private readonly unreachable = new Map<string, number>();
  private lastSweep = 0;
  /**
   * After a 429 or an unreachable gateway nothing is sent before this (ms, `now()`'s clock): the
   * run put back would otherwise go again at the next kick (a new run, a poll pass), not after
   * its delay. The whole queue waits, since the cause is the gateway's, not the run's.
   */
  private pausedUntil = 0;
  /** Runs whose Run is waiting for the answer (`watch`), and the gateway's refusal of each. */
  private readonly watched = new Map<string, AppError | null>();
  /** Runs their own requests are sending (sendAdmitted): stop() waits for their answers. */
  private readonly sending = new Set<Promise<unknown>>();
  private readonly now: () => Date;

  constructor(private readonly deps: RunQueueDeps) {
    this.owner = deps.owner ?? `queue-${randomUUID()}`;
    this.now = deps.now ?? (() => new Date());
    this.loop = new PassLoop({
      pass: async () => {
        await this.housekeeping();
        await this.pass();
        return false;
      },
      onError: (error) => this.deps.log?.("error", "queue.pass_failed", { error }),
      now: this.now,
    });
  }

  /** Send what waits now (and what a previous process left waiting). */
  kick(): void {
    this.loop.kick();
  }

  /**
   * Resolves once a pass that started after this call has finished: every run queued before the
   * call has then been sent, or is still waiting because the budget had no room for it.
   */
  drain(): Promise<void> {
    return this.loop.drain();
  }

  /**
   * POST /api/jobs waits for its run to be sent; if the gateway refuses it then (invalid input,
   * retired model, no credits), the refusal itself (status, fields) is the answer to Run, as
   * before the queue. `refusalOf` hands it over, once; runs nobody watches keep only the message.
   */
  watch(jobId: string): void {
    this.watched.set(jobId, null);
  }

  refusalOf(jobId: string): AppError | undefined {
    const refusal = this.watched.get(jobId) ?? undefined;
    this.watched.delete(jobId);
    return refusal;
  }

  /**
   * Lets a new run's request send it itself, skipping a pass (lib/jobs/README.md, "A run sent by
   * its own request"): admission then claims the run for this queue, with one submit from the
   * budget, if no run waits in line. Nothing is offered while the queue is paused or stopped.
   */
  sendNowOffer(): SendNow | undefined {
    if (this.loop.isStopped || this.now().getTime() < this.pausedUntil) return undefined;
    return { owner: this.owner, leaseMs: this.deps.leaseMs, take: (tx) => this.deps.budget.takeSubmitIfLineEmpty(tx) };
  }

  /** Sends a run admission claimed for this queue (sendNowOffer), as a pass sends what it claims. */
  async sendAdmitted(job: JobRow, taken: TakeResult): Promise<AdmittedSend> {
    const sending = this.sendClaimed(job, taken);
    this.sending.add(sending);
    try {
      return await sending;
    } finally {
      this.sending.delete(sending);
    }
  }

  private async sendClaimed(job: JobRow, taken: TakeResult): Promise<AdmittedSend> {
    this.watch(job.id);
    const sent = await this.send(job, this.eagerAfter(taken));
    const refusal = this.refusalOf(job.id);
    this.deps.events?.jobChanged(job.id);
    if (sent.answeredAt) await this.deps.budget.answered("submit", 1, taken, sent.answeredAt);
    // The housekeeping a pass would have done, when due (a queue whose runs all go this way
    // never passes otherwise).
    if (this.now().getTime() - this.lastSweep >= SWEEP_EVERY_MS) this.kick();
    if (sent.accepted) return { kind: "accepted", job: sent.accepted };
    if (refusal) return { kind: "refused", error: refusal };
    return { kind: "other" };
  }

  idle(): Promise<void> {
    return this.loop.idle();
  }

  /** Sends nothing more; resolves when the sends under way (a pass's, a request's) have their answers. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.allSettled([...this.sending]);
  }

  get hasTimer(): boolean {
    return this.loop.hasTimer;
  }

  private schedule(at: Date): void {
    this.loop.schedule(at);
  }

  /** Sends waiting runs until none wait or the budget has no room; then sleeps until it has. */
  private async pass(): Promise<void> {
    const { db, budget, leaseMs } = this.deps;
    while (!this.loop.isStopped) {
      if (this.now().getTime() < this.pausedUntil) {
        this.schedule(new Date(this.pausedUntil));
        return;
      }
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
      for (const job of claimed) this.deps.events?.jobChanged(job.id);
      const eager = claimed.length > 0 && this.eagerAfter(taken);
      const sent = await Promise.all(
        claimed.map(async (job) => {
          const s = await this.send(job, eager);
          this.deps.events?.jobChanged(job.id);
          return s;
        }),
      );
      // The runs behind them moved up (or, put back, stayed): their places are re-read.
      if (claimed.length > 0) this.deps.events?.queueMoved();
      // Counted from their answers, not from the take: the gateway counts a submit when it arrives.
      const answered = sent.flatMap((s) => (s.answeredAt ? [s.answeredAt.getTime()] : []));
      if (answered.length > 0) await budget.answered("submit", answered.length, taken, new Date(Math.max(...answered)));
      // A run put back in line (429, unreachable) waits for the pause `refused` set: going round
      // again now would resend it at once, and an unreachable gateway would fail it within a pass.
      if (sent.some((s) => s.putBack)) return;
      if (taken.granted < want) {
        if (taken.retryAt) this.schedule(taken.retryAt);
        return;
      }
      if (claimed.length === 0) return;
    }
  }

  /** An early first poll costs a request: only while the budget has room to spare. */
  private eagerAfter(taken: TakeResult): boolean {
    return hasSpareRequests({ left: taken.left, perMinute: this.deps.budget.perMinute });
  }

  /** At most every 10 minutes, on a pass: holds nobody will close are released. */
  private async housekeeping(): Promise<void> {
    const now = this.now();
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now.getTime();
    const swept = await sweepStaleHolds(this.deps.db, new Date(now.getTime() - (this.deps.holdRetentionMs ?? HOUR_MS)), now);
    if (swept > 0) this.deps.log?.("warn", "ledger.holds_swept", { count: swept });
    await this.deps.housekeeping?.();
  }

  /**
   * Sends one claimed run. `answeredAt`: when the gateway's answer came (unset: nothing was sent);
   * `putBack`: the run is back in line, to be tried again later.
   */
  private async send(job: JobRow, eager: boolean): Promise<Sent> {
    const { db } = this.deps;
    let payload: Record<string, unknown>;
    const model = await this.deps.definitionOf(job.model);
    if (!model) {
      await failJob(db, job.id, "model_unavailable", `The model ${job.model} is no longer offered, so this run was not sent.`, this.now());
      return NOT_SENT;
    }
    try {
      payload = model.buildPayload(await upstreamRequestOf(db, this.deps.store, job.params, model));
    } catch (e) {
      const message = e instanceof AppError ? e.message : "Its stored request could not be rebuilt.";
      await failJob(db, job.id, "input_missing", `This run was not sent: ${message}`, this.now());
      this.deps.log?.("error", "queue.payload_failed", { jobId: job.id, error: e });
      return NOT_SENT;
    }
    let upstreamJobId: string;
    try {
      ({ jobId: upstreamJobId } = await this.deps.client.submit(payload, { prepaid: true }));
    } catch (e) {
      const answeredAt = this.now();
      return { answeredAt, putBack: await this.refused(job, e) };
    }
    this.unreachable.delete(job.id);
    const now = this.now();
    const firstPoll = new Date(now.getTime() + firstPollDelayMs(job.params, this.deps.baseDurationMs, eager));
    const accepted = await markSubmitted(db, job, upstreamJobId, now, firstPoll);
    this.deps.tracker.wakeBy(firstPoll);
    this.deps.log?.("info", "job.submitted", { jobId: job.id, upstreamJobId, model: job.model, task: job.taskType });
    return { answeredAt: now, putBack: false, accepted };
  }

  private pauseFor(now: Date, ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, now.getTime() + ms);
    this.schedule(new Date(this.pausedUntil));
  }

  private async refused(job: JobRow, e: unknown): Promise<boolean> {
    const { db } = this.deps;
    const now = this.now();
    const err = e instanceof AppError ? e : new AppError("internal", "The run could not be sent.", { cause: e });
    if (err.code === "rate_limited") {
      // The client has blocked the budget until Retry-After; the run keeps its place.
      await returnToWaiting(db, job.id, now);
      this.pauseFor(now, retryDelayMs(err.retryAfterSeconds, 0));
      this.deps.log?.("warn", "queue.rate_limited", { jobId: job.id, retryAfterSeconds: err.retryAfterSeconds });
      return true;
    }
    if (err.code === "upstream_unavailable") {
      const attempts = (this.unreachable.get(job.id) ?? 0) + 1;
      if (attempts < MAX_UNREACHABLE) {
        this.unreachable.set(job.id, attempts);
        await returnToWaiting(db, job.id, now);
        this.pauseFor(now, retryDelayMs(err.retryAfterSeconds, attempts));
        this.deps.log?.("warn", "queue.upstream_unavailable", { jobId: job.id, attempts, error: err });
        return true;
      }
      this.unreachable.delete(job.id);
    }
    if (err.code === "outcome_unknown") {
      await failJob(db, job.id, err.code, `${err.message} The job may have been accepted; it was not resent to avoid paying twice.`, now);
      this.deps.log?.("warn", "job.submit_outcome_unknown", { jobId: job.id, error: err });
      return false;
    }
    if (err.code === "model_unavailable") this.deps.onModelRefused?.(job.model, err);
    if (this.watched.has(job.id)) this.watched.set(job.id, err);
    await failJob(db, job.id, err.code, err.message, now);
    this.deps.log?.("info", "job.refused", { jobId: job.id, code: err.code });
    return false;
  }
}
