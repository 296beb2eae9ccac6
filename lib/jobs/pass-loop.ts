/**
 * The loop the tracker and the run queue share: one pass at a time, another at once if kicked
 * during a pass, and at most one timer for the next wake-up (none when nothing is scheduled, so
 * an idle process has no timers). Times given to `schedule` are on the owner's clock (`now`,
 * which tests drive); the timer converts them to a delay on the real one.
 */
export interface PassLoopOptions {
  /** One pass; true when there is more to do at once (a full batch). */
  pass: () => Promise<boolean>;
  onError: (error: unknown) => void;
  now: () => Date;
  /** After a failed pass, try again this much later. */
  retryAfterErrorMs?: number;
}

export class PassLoop {
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private waiters: (() => void)[] = [];

  constructor(private readonly opts: PassLoopOptions) {}

  /** A pass now (or right after the current one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.running = this.runPasses().finally(() => {
      this.running = undefined;
      // A kick that came while the last pass was finishing must not be lost.
      if ((this.again || this.waiters.length > 0) && !this.stopped) this.kick();
    });
  }

  /** Resolves once a pass that started after this call has finished. */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.kick();
    });
  }

  /** Make sure a pass runs by `at` (an earlier timer wins). */
  schedule(at: Date): void {
    const atMs = at.getTime() - this.opts.now().getTime() + Date.now();
    if (this.stopped || atMs >= this.timerAt) return;
    this.clearTimer();
    this.timerAt = atMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.kick();
    }, Math.max(0, atMs - Date.now()));
    // Never keep a process (a CLI, a test) alive only for this.
    this.timer.unref?.();
  }

  /** Resolves when no pass is running; for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.idle();
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Whether a wake-up timer is set (tests check that none is left when idle). */
  get hasTimer(): boolean {
    return this.timer !== undefined;
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private async runPasses(): Promise<void> {
    do {
      this.again = false;
      const waiters = this.waiters.splice(0);
      try {
        if (await this.opts.pass()) this.again = true;
      } catch (e) {
        this.opts.onError(e);
        this.schedule(new Date(this.opts.now().getTime() + (this.opts.retryAfterErrorMs ?? 2000)));
      } finally {
        for (const resolve of waiters) resolve();
      }
    } while ((this.again || this.waiters.length > 0) && !this.stopped);
  }
}
