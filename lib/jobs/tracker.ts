import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/db/client";
import type { JobRow } from "@/lib/db/schema";
import type { RequestBudget } from "@/lib/budget/request-budget";
import type { TakeResult } from "@/lib/db/rate-queries";
import {
  claimDueJobs,
  completeJob,
  deferPoll,
  failJob,
  listOrphanedSubmits,
  nextWakeTime,
  recordPoll,
  reschedulePoll,
} from "@/lib/db/job-queries";
import { releaseLeases } from "@/lib/db/lease-queries";
import type { BlobStore } from "@/lib/storage";
import type { UpstreamClient } from "@/lib/upstream/client";
import type { UpstreamJob } from "@/lib/upstream/parse-job";
import { copyOutputs } from "./copy-outputs";
import { outputPricing } from "./output-pricing";
import { PassLoop } from "./pass-loop";
import { hasSpareRequests, nextPollDelayMs, retryDelayMs } from "./poll-schedule";

/**
 * The job tracker: follows every accepted job to its end. See lib/jobs/README.md.
 *
 * One timer at most, set for the earliest due poll; none when nothing is in flight. Jobs are
 * claimed with a lease (SKIP LOCKED), so instances sharing a database split the work and a job
 * whose instance died is taken over once its lease runs out.
 */
export interface TrackerDeps {
  db: Db;
  client: UpstreamClient;
  store: BlobStore;
  leaseMs: number;
  stuckAfterMs: number;
  /** Submits older than this with no answer recorded are orphans of a crash. */
  orphanAfterMs: number;
  now?: () => Date;
  log?: (level: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>) => void;
  owner?: string;
  /**
   * The account's request budget: each poll takes a request first; polls it has no room for are
   * moved to when it has, spread so that none is starved. Without one, polls are not counted.
   */
  budget?: Pick<RequestBudget, "take" | "answered" | "perMinute" | "status">;
  /** After a pass that polled: finished jobs free room in the budget for the run queue. */
  onPolled?: () => void;
  /** The event bus (lib/events): told of every change a client sees (status, progress, images, failure). */
  events?: { jobChanged(jobId: string): void };
}

const BATCH = 16;

export class JobTracker {
  readonly owner: string;
  private readonly loop: PassLoop;
  private readonly now: () => Date;

  constructor(private readonly deps: TrackerDeps) {
    this.owner = deps.owner ?? `tracker-${randomUUID()}`;
    this.now = deps.now ?? (() => new Date());
    this.loop = new PassLoop({
      pass: () => this.pass(),
      onError: (error) => this.deps.log?.("error", "tracker.pass_failed", { error }),
      now: this.now,
    });
  }

  /** Resumes whatever a previous process left unfinished. */
  async start(): Promise<void> {
    await this.failOrphanedSubmits();
    // A submit cut short just before this start is only recognisable as an orphan later.
    setTimeout(() => void this.failOrphanedSubmits().catch(() => undefined), this.deps.orphanAfterMs).unref?.();
    this.kick();
  }

  /**
   * Submits cut short by a crash: once older than `orphanAfterMs` they fail as `outcome_unknown`.
   * At start, and from the run queue's housekeeping, since another instance may be the one that died.
   */
  async failOrphanedSubmits(): Promise<void> {
    const orphans = await listOrphanedSubmits(this.deps.db, new Date(this.now().getTime() - this.deps.orphanAfterMs));
    for (const job of orphans) {
      await failJob(
        this.deps.db,
        job.id,
        "outcome_unknown",
        "The server stopped while submitting this job, so whether the gateway accepted it is unknown. It was not resent, to avoid paying twice.",
        this.now(),
      );
      this.deps.events?.jobChanged(job.id);
    }
  }

  /** Work through due jobs now, then sleep until the next one is due. */
  kick(): void {
    this.loop.kick();
  }

  /**
   * A new job is due at `at`: make sure we wake by then. Cheaper than `kick()` on every submit
   * (no claim query while the job cannot be due yet).
   */
  wakeBy(at: Date): void {
    this.loop.schedule(at);
  }

  /** Resolves when the current pass (if any) is finished; for tests and shutdown. */
  idle(): Promise<void> {
    return this.loop.idle();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Shutdown, after `stop()`: hands back the leases this tracker holds (the jobs of a pass still
   * polling when the process must go), so another instance may take them at once rather than
   * after JOB_LEASE_MS. Returns the ids released.
   */
  releaseLeases(): Promise<string[]> {
    return releaseLeases(this.deps.db, this.owner);
  }

  /** Whether a wake-up timer is set (tests check that none is left when idle). */
  get hasTimer(): boolean {
    return this.loop.hasTimer;
  }

  /** One batch of due jobs; true when the batch was full (more may be due). Else sleep until the next. */
  private async pass(): Promise<boolean> {
    const claimed = await claimDueJobs(this.deps.db, this.owner, this.now(), this.deps.leaseMs, BATCH);
    const { allowed, taken } = await this.withinBudget(claimed);
    // Close polls near a job's end only while the budget has room to spare (poll-schedule.ts).
    const eager = allowed.length === 0 || !this.deps.budget || hasSpareRequests(await this.deps.budget.status());
    await Promise.all(
      allowed.map(async (job) => {
        // One notice per job and pass, after whatever the poll wrote (the bus drops a view that did not change).
        await this.process(job, eager);
        this.deps.events?.jobChanged(job.id);
      }),
    );
    // Counted from when they were answered (the gateway counts a poll when it arrives), as the
    // queue does for submits; the end of the pass is no earlier than any of the answers.
    if (taken && allowed.length > 0) await this.deps.budget?.answered("poll", allowed.length, taken, this.now());
    if (allowed.length > 0) this.deps.onPolled?.();
    if (claimed.length === BATCH && allowed.length === claimed.length && !this.loop.isStopped) return true;
    await this.scheduleNext();
    return false;
  }

  /**
   * Takes one request per claimed job from the budget; the jobs it has no room for are deferred
   * (lease released, poll not counted) to when requests free up, one budget slot apart, so a
   * long line of polls is served in order instead of all retrying at the same instant.
   */
  private async withinBudget(claimed: JobRow[]): Promise<{ allowed: JobRow[]; taken?: TakeResult }> {
    const { budget } = this.deps;
    if (!budget || claimed.length === 0) return { allowed: claimed };
    const taken = await budget.take("poll", claimed.length);
    const { granted, retryAt } = taken;
    const now = this.now();
    const spacing = Math.ceil(60_000 / budget.perMinute);
    const base = retryAt ?? new Date(now.getTime() + spacing);
    const deferred = claimed.slice(granted);
    await Promise.all(
      deferred.map((job, k) => deferPoll(this.deps.db, job.id, this.owner, new Date(base.getTime() + k * spacing), now)),
    );
    return { allowed: claimed.slice(0, granted), taken };
  }

  private async scheduleNext(): Promise<void> {
    const at = await nextWakeTime(this.deps.db);
    if (at) this.loop.schedule(at);
  }


  private async process(job: JobRow, eager: boolean): Promise<void> {
    const { db } = this.deps;
    const now = this.now();
    const started = job.submittedAt ?? job.createdAt;
    if (now.getTime() - started.getTime() > this.deps.stuckAfterMs) {
      const minutes = Math.round(this.deps.stuckAfterMs / 60_000);
      await failJob(db, job.id, "stuck", `The gateway did not finish this job within ${minutes} minutes; it was given up.`, now);
      this.deps.log?.("warn", "job.stuck", { jobId: job.id });
      return;
    }
    let upstream: UpstreamJob;
    try {
      // With a budget the request is already taken: one attempt; a failure is rescheduled below.
      upstream = await this.deps.client.getJob(job.upstreamJobId!, { prepaid: this.deps.budget !== undefined });
    } catch (e) {
      await this.handlePollError(job, e);
      return;
    }
    if (upstream.status === "failed") {
      const err = upstream.error ?? { code: "upstream_failed", message: "The job failed upstream." };
      await failJob(db, job.id, err.code, err.message, this.now());
      this.deps.log?.("info", "job.failed", { jobId: job.id, code: err.code });
      return;
    }
    if (upstream.status === "completed") {
      await this.complete(job, upstream);
      return;
    }
    const elapsedMs = now.getTime() - started.getTime();
    // The last poll's reading (recordPoll stamps updatedAt with its time): with this one, a measured rate.
    const previous = job.pollCount > 0 && job.progress > 0 ? { elapsedMs: job.updatedAt.getTime() - started.getTime(), progress: job.progress } : null;
    const delay = nextPollDelayMs({ elapsedMs, progress: upstream.progress, pollCount: job.pollCount, previous, eager });
    await recordPoll(
      db,
      job.id,
      this.owner,
      { status: upstream.status, progress: upstream.progress ?? job.progress, nextPollAt: new Date(now.getTime() + delay), now },
      upstream.status === "processing" && !job.processingAt,
    );
  }

  private async handlePollError(job: JobRow, e: unknown): Promise<void> {
    const now = this.now();
    if (e instanceof AppError && e.code === "not_found") {
      await failJob(this.deps.db, job.id, "upstream_lost", "The gateway no longer knows this job (it keeps job state for one hour).", now);
      return;
    }
    const retryAfter = e instanceof AppError ? e.retryAfterSeconds : undefined;
    // A bad key or empty account will not fix itself in a second: back off further.
    const slow = e instanceof AppError && (e.code === "bad_api_key" || e.code === "insufficient_credits");
    const delay = slow ? 30_000 : retryDelayMs(retryAfter, Math.min(job.pollCount, 6));
    this.deps.log?.("warn", "job.poll_failed", { jobId: job.id, error: e, retryInMs: delay });
    await reschedulePoll(this.deps.db, job.id, this.owner, new Date(now.getTime() + delay), now);
  }

  private async complete(job: JobRow, upstream: UpstreamJob): Promise<void> {
    const priceOf = outputPricing(job);
    let rows;
    try {
      // A try-on's returned mask is not a generated image: it is neither stored nor billed.
      rows = await copyOutputs(upstream.outputs.filter((o) => o.role !== "mask"), {
        jobId: job.id,
        seed: job.seed,
        client: this.deps.client,
        store: this.deps.store,
        costMicrosFor: priceOf,
      });
    } catch (e) {
      if (e instanceof AppError && e.code === "not_found") {
        await failJob(this.deps.db, job.id, "outputs_expired", e.message, this.now());
        return;
      }
      if (e instanceof AppError && e.code === "invalid_request") {
        // The gateway sent something that is not an image we accept: retrying cannot fix it.
        await failJob(this.deps.db, job.id, "output_invalid", `The gateway returned an unusable image: ${e.message}`, this.now());
        return;
      }
      await this.handlePollError(job, e);
      return;
    }
    const actual = rows.reduce((sum, r) => sum + r.costMicros, 0);
    await completeJob(this.deps.db, job.id, rows, {
      imagesReturned: rows.length,
      imagesBlocked: Math.max(0, job.imagesRequested - rows.length),
      actualCostMicros: upstream.costMicros ?? actual,
      upstreamCostMicros: upstream.costMicros,
      now: this.now(),
    });
    this.deps.log?.("info", "job.completed", { jobId: job.id, images: rows.length });
  }
}
