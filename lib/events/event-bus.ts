import "server-only";
import type { ApiEvent, ApiJob } from "@/lib/api-types";
import { formatEventId, newEpoch, parseEventId } from "./event-id";
import type { EventTransport, HeardNotice } from "./transport";

/**
 * The event bus: one per process (process-bus.ts). Writers say "job X changed" (`jobChanged`),
 * "sweep X changed" (`sweepChanged`) or "the queue moved" (`queueMoved`); the notice goes through
 * the transport (every instance's bus hears it), and each bus, on a short timer that coalesces
 * bursts, loads the jobs named since its last flush in one batch and publishes one `job` event
 * per job whose view changed. Every event gets the next sequence number and is kept in a replay
 * buffer (bounded by count and age) so a client that reconnects with `Last-Event-ID` gets what
 * it missed, or `reset` when that is no longer known. See README.md.
 */
export interface BusEvent {
  /** `<epoch>-<seq>` (event-id.ts): the SSE id. */
  id: string;
  event: ApiEvent;
}

/** Loads jobs as GET /api/jobs/{id} returns them; ids of jobs that no longer exist are left out. */
export type JobLoader = (ids: string[]) => Promise<Map<string, ApiJob>>;

export interface EventBusOptions {
  transport: EventTransport;
  loadJobs?: JobLoader;
  /** Events kept for replay: at most this many … */
  bufferSize?: number;
  /** … and none older than this (ms). */
  bufferAgeMs?: number;
  /** Notices within this window (ms) are published together, one event per job. */
  coalesceMs?: number;
  /** Waiting runs' places are re-read at most this often (ms) while the queue moves. */
  queueRefreshMs?: number;
  epoch?: string;
  now?: () => number;
  log?: (level: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>) => void;
}

export interface Subscription {
  /** What the client missed since its Last-Event-ID, or one `reset`; empty for a new client. */
  replay: BusEvent[];
  unsubscribe(): void;
}

interface Buffered extends BusEvent {
  seq: number;
  at: number;
}

/** How many job views are remembered to drop events that would show nothing new. */
const REMEMBERED_VIEWS = 2000;
/** A waiting run's estimated start moving by less than this is no news. */
const START_ESTIMATE_GRAIN_MS = 5000;

export class EventBus {
  readonly epoch: string;
  private readonly opts: Required<Omit<EventBusOptions, "loadJobs" | "epoch" | "log">> & Pick<EventBusOptions, "log">;
  private loadJobs: JobLoader | undefined;
  private readonly stopListening: () => void;
  private readonly listeners = new Set<(e: BusEvent) => void>();
  private seq = 0;
  /** Sequence numbers up to this one were skipped unbuffered (nobody could have resumed from them). */
  private gapThrough = 0;
  private readonly buffer: Buffered[] = [];
  /** When the last listener left (ms); while it is recent, a client may still come back. */
  private lastListenerAt = -Infinity;
  private readonly pendingJobs = new Set<string>();
  private readonly pendingSweeps = new Set<string>();
  /** The transport may have lost notices: the next flush publishes `reset`. */
  private resyncPending = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private queueTimer: NodeJS.Timeout | undefined;
  private lastQueueRefresh = -Infinity;
  /** What was last published for each job (its signature), to publish only changes. */
  private readonly views = new Map<string, string>();
  /** Waiting runs, as last published: whose places a moving queue changes. */
  private readonly waiting = new Set<string>();
  private closed = false;

  constructor(options: EventBusOptions) {
    this.opts = {
      transport: options.transport,
      bufferSize: options.bufferSize ?? 1000,
      bufferAgeMs: options.bufferAgeMs ?? 5 * 60_000,
      coalesceMs: options.coalesceMs ?? 15,
      queueRefreshMs: options.queueRefreshMs ?? 1000,
      now: options.now ?? Date.now,
      log: options.log,
    };
    this.epoch = options.epoch ?? newEpoch();
    this.loadJobs = options.loadJobs;
    this.stopListening = this.opts.transport.listen((n) => this.onNotice(n));
  }

  /** Set once the database is up (lib/jobs/runtime.ts); until then job notices publish nothing. */
  setJobLoader(load: JobLoader): void {
    this.loadJobs = load;
  }

  jobChanged(jobId: string): void {
    this.opts.transport.send({ kind: "job", jobId });
  }

  sweepChanged(sweepId: string): void {
    this.opts.transport.send({ kind: "sweep", sweepId });
  }

  queueMoved(): void {
    this.opts.transport.send({ kind: "queue" });
  }

  /** The id of the newest event (what a client that saw everything would send back). */
  get lastId(): string {
    return formatEventId({ epoch: this.epoch, seq: this.seq });
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Whether a flush or a queue refresh is scheduled (tests check nothing is left behind). */
  get hasTimers(): boolean {
    return this.flushTimer !== undefined || this.queueTimer !== undefined;
  }

  /**
   * Starts delivering events to `listener`. `lastEventId` is the client's Last-Event-ID (any
   * string a client sent, or nothing for a new client): the events after it are returned to be
   * sent first, or a single `reset` when they are not all known (another epoch, older than the
   * buffer, skipped, or an id this bus never gave). Computed and registered in one synchronous
   * step, so no event falls between the replay and the first live one.
   */
  subscribe(lastEventId: string | null | undefined, listener: (e: BusEvent) => void): Subscription {
    this.evict();
    const replay = lastEventId == null || lastEventId === "" ? [] : this.missedSince(lastEventId);
    this.listeners.add(listener);
    let done = false;
    return {
      replay,
      unsubscribe: () => {
        if (done) return;
        done = true;
        this.listeners.delete(listener);
        if (this.listeners.size === 0) this.lastListenerAt = this.opts.now();
      },
    };
  }

  /**
   * Publishes now what is pending (without waiting for the coalescing or queue timers) and
   * resolves when every notice received so far has been published: for tests and benches.
   */
  async idle(): Promise<void> {
    if (this.queueTimer) {
      clearTimeout(this.queueTimer);
      this.queueTimer = undefined;
      this.lastQueueRefresh = -Infinity;
      this.refreshQueue();
    }
    while (this.flushTimer || this.flushing) {
      if (this.flushTimer) {
        clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        this.flushing = this.flush();
      }
      await this.flushing;
    }
  }

  close(): void {
    this.closed = true;
    this.stopListening();
    clearTimeout(this.flushTimer);
    clearTimeout(this.queueTimer);
    this.flushTimer = this.queueTimer = undefined;
    this.listeners.clear();
  }

  private missedSince(lastEventId: string): BusEvent[] {
    const id = parseEventId(lastEventId);
    const known = id !== null && id.epoch === this.epoch && id.seq <= this.seq && id.seq >= this.gapThrough;
    if (known && id.seq === this.seq) return [];
    // Everything after the client's id must still be buffered: the oldest kept is the next one.
    if (known && this.buffer.length > 0 && this.buffer[0].seq <= id.seq + 1) {
      return this.buffer.filter((e) => e.seq > id.seq).map(({ id: eid, event }) => ({ id: eid, event }));
    }
    return [{ id: this.lastId, event: { type: "reset" } }];
  }

  /** Someone is connected, or was recently enough to come back with a Last-Event-ID. */
  private get watched(): boolean {
    return this.listeners.size > 0 || this.opts.now() - this.lastListenerAt < this.opts.bufferAgeMs;
  }

  private onNotice(notice: HeardNotice): void {
    if (this.closed) return;
    if (!this.watched) {
      // Nobody could receive or resume it: not loaded, but its number is spent, so a client that
      // comes back much later with an older id is told to read everything again.
      this.seq += 1;
      this.gapThrough = this.seq;
      return;
    }
    if (notice.kind === "job") this.pendingJobs.add(notice.jobId);
    else if (notice.kind === "sweep") this.pendingSweeps.add(notice.sweepId);
    // The transport may have lost notices (README.md, "Between instances"): clients read everything
    // again. Through the flush, so the reset comes after every event whose load began before it.
    else if (notice.kind === "resync") this.resyncPending = true;
    else return this.refreshQueue();
    this.scheduleFlush();
  }

  /** Re-reads the waiting runs (throttled), so the places shown on their cards follow the queue. */
  private refreshQueue(): void {
    if (this.queueTimer) return;
    const wait = this.lastQueueRefresh + this.opts.queueRefreshMs - this.opts.now();
    const refresh = () => {
      this.queueTimer = undefined;
      if (this.closed) return;
      this.lastQueueRefresh = this.opts.now();
      for (const id of this.waiting) this.pendingJobs.add(id);
      this.scheduleFlush();
    };
    if (wait <= 0) return refresh();
    this.queueTimer = setTimeout(refresh, wait);
    this.queueTimer.unref?.();
  }

  private scheduleFlush(): void {
    // A flush under way schedules the next one when it ends (one load at a time keeps each
    // job's events in the order its changes happened).
    if (this.flushTimer || this.flushing || this.closed) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing = this.flush();
    }, this.opts.coalesceMs);
    this.flushTimer.unref?.();
  }

  private async flush(): Promise<void> {
    // Never synchronous: the caller stores this promise as `flushing` before the flush ends.
    await null;
    const jobIds = [...this.pendingJobs];
    const sweepIds = [...this.pendingSweeps];
    const resync = this.resyncPending;
    this.pendingJobs.clear();
    this.pendingSweeps.clear();
    this.resyncPending = false;
    try {
      const jobs = jobIds.length > 0 && this.loadJobs ? await this.loadJobs(jobIds) : new Map<string, ApiJob>();
      let vanished = false;
      for (const id of this.loadJobs ? jobIds : []) {
        const job = jobs.get(id);
        if (job) this.publishJob(job);
        // A run removed after it was shown (refused while Run waited): no event says "gone".
        else if (this.forget(id)) vanished = true;
      }
      if (vanished || resync) this.emit({ type: "reset" });
      for (const sweepId of sweepIds) this.emit({ type: "sweep", sweepId });
    } catch (error) {
      // What changed is unknown to clients now: they read everything again.
      this.opts.log?.("error", "events.load_failed", { error, jobs: jobIds.length });
      this.emit({ type: "reset" });
    } finally {
      this.flushing = undefined;
      if (this.pendingJobs.size > 0 || this.pendingSweeps.size > 0 || this.resyncPending) this.scheduleFlush();
    }
  }

  private publishJob(job: ApiJob): void {
    const view = signature(job);
    if (this.views.get(job.id) === view) return;
    this.views.delete(job.id);
    this.views.set(job.id, view);
    if (this.views.size > REMEMBERED_VIEWS) this.views.delete(this.views.keys().next().value!);
    if (job.status === "waiting") this.waiting.add(job.id);
    else this.waiting.delete(job.id);
    this.emit({ type: "job", job });
  }

  private forget(id: string): boolean {
    this.waiting.delete(id);
    return this.views.delete(id);
  }

  private emit(event: ApiEvent): void {
    this.seq += 1;
    const now = this.opts.now();
    const e: Buffered = { seq: this.seq, at: now, id: this.lastId, event };
    this.buffer.push(e);
    this.evict();
    const out: BusEvent = { id: e.id, event };
    for (const listener of this.listeners) {
      try {
        listener(out);
      } catch (error) {
        this.opts.log?.("error", "events.listener_failed", { error });
      }
    }
  }

  private evict(): void {
    const oldest = this.opts.now() - this.opts.bufferAgeMs;
    let drop = Math.max(0, this.buffer.length - this.opts.bufferSize);
    while (drop < this.buffer.length && this.buffer[drop].at < oldest) drop += 1;
    if (drop > 0) this.buffer.splice(0, drop);
  }
}

/**
 * What a job's card shows, as a string: an event whose signature equals the last one published
 * would show nothing new. A waiting run's estimated start is rounded, since it is recomputed from
 * the clock on every read.
 */
function signature(job: ApiJob): string {
  const queue = job.queue && {
    position: job.queue.position,
    start: job.queue.estimatedStartAt && Math.round(Date.parse(job.queue.estimatedStartAt) / START_ESTIMATE_GRAIN_MS),
  };
  return JSON.stringify({ ...job, queue });
}
