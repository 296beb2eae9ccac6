import "server-only";
import { log } from "@/lib/log";

/**
 * The one owner of the order in which the process stops (README.md here). Whoever holds something
 * that must be let go registers a step (`onShutdown`): the database its close, the runtime its
 * queue, tracker and leases, each open event stream its end. `shutdown()` runs them phase by
 * phase, each phase bounded in time, so the whole drain fits the 10 s a process manager gives
 * before SIGKILL:
 *
 *   stop       → nothing new is taken on: the run queue and the tracker stop claiming (their
 *                pass in progress may finish), event streams end with a reconnect hint;
 *   release    → what this instance holds that another could do is handed back (the tracker's
 *                leases), so another instance takes those jobs at once, not after the lease;
 *   disconnect → the event bus and its transport;
 *   close      → the database.
 *
 * Steps of one phase run together; a phase that overruns its time is left behind (logged, with
 * the steps still running) and the next one starts. Who receives the signal is separate:
 * scripts/serve.mjs when it runs the app (it first stops accepting connections, then calls the
 * drain through `globalThis`), else `installSignalHandlers()` (`next start`, `next dev`).
 */
export const SHUTDOWN_PHASES = ["stop", "release", "disconnect", "close"] as const;
export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];

export interface ShutdownStep {
  /** Shown in the log when it fails or overruns. */
  name: string;
  phase: ShutdownPhase;
  run(): Promise<unknown> | unknown;
}

export interface ShutdownReport {
  reason: string;
  ms: number;
  /** Steps that failed or were still running when their phase's time ran out. */
  unfinished: string[];
}

/** Default time per phase (ms): within 8 s in all, leaving serve.mjs time to close its sockets. */
export const PHASE_LIMIT_MS: Record<ShutdownPhase, number> = { stop: 4000, release: 1500, disconnect: 1000, close: 1500 };

type Logger = (level: "info" | "warn" | "error", event: string, fields?: Record<string, unknown>) => void;

export class ShutdownSequence {
  private readonly steps = new Set<ShutdownStep>();
  private running: Promise<ShutdownReport> | undefined;

  constructor(private readonly opts: { limitsMs?: Partial<Record<ShutdownPhase, number>>; log?: Logger; now?: () => number } = {}) {}

  /** Registers a step; the function returned removes it (an event stream that ended by itself). */
  register(step: ShutdownStep): () => void {
    this.steps.add(step);
    return () => void this.steps.delete(step);
  }

  get started(): boolean {
    return this.running !== undefined;
  }

  /** Runs every phase once; later calls get the same report. */
  run(reason: string): Promise<ShutdownReport> {
    this.running ??= this.runPhases(reason);
    return this.running;
  }

  private async runPhases(reason: string): Promise<ShutdownReport> {
    const now = this.opts.now ?? Date.now;
    const started = now();
    this.opts.log?.("info", "shutdown.started", { reason });
    const unfinished: string[] = [];
    for (const phase of SHUTDOWN_PHASES) {
      // Steps registered while an earlier phase ran (a stream that opened meanwhile) run too.
      const steps = [...this.steps].filter((s) => s.phase === phase);
      if (steps.length === 0) continue;
      unfinished.push(...(await this.runPhase(phase, steps)));
    }
    const report = { reason, ms: now() - started, unfinished };
    this.opts.log?.(unfinished.length > 0 ? "warn" : "info", "shutdown.finished", { ...report });
    return report;
  }

  /** The names of the steps that failed or did not finish in time. */
  private async runPhase(phase: ShutdownPhase, steps: ShutdownStep[]): Promise<string[]> {
    const limit = this.opts.limitsMs?.[phase] ?? PHASE_LIMIT_MS[phase];
    const pending = new Set(steps);
    const failed: string[] = [];
    const all = Promise.all(
      steps.map(async (step) => {
        try {
          await step.run();
        } catch (error) {
          failed.push(step.name);
          this.opts.log?.("error", "shutdown.step_failed", { phase, step: step.name, error });
        } finally {
          pending.delete(step);
        }
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), limit);
    });
    const outcome = await Promise.race([all.then(() => "done" as const), timeout]);
    clearTimeout(timer);
    if (outcome === "late") {
      const still = [...pending].map((s) => s.name);
      this.opts.log?.("warn", "shutdown.phase_overran", { phase, limitMs: limit, still });
      return [...failed, ...still];
    }
    return failed;
  }
}

// ---- the process's sequence ------------------------------------------------------------------

/** On globalThis: Next.js bundles this module into several chunks, and they must share one. */
const KEY = Symbol.for("nova-playground.shutdown");
/** What scripts/serve.mjs calls on SIGTERM/SIGINT, after it stopped accepting connections. */
const DRAIN = Symbol.for("nova-playground.drain");
/** Set by scripts/serve.mjs before Next.js loads: it receives the signals, not this module. */
const SERVER_OWNS_SIGNALS = Symbol.for("nova-playground.server-owns-signals");
const INSTALLED = Symbol.for("nova-playground.signal-handlers");
type Holder = {
  [KEY]?: ShutdownSequence;
  [DRAIN]?: (reason: string) => Promise<ShutdownReport>;
  [SERVER_OWNS_SIGNALS]?: unknown;
  [INSTALLED]?: boolean;
};

export function processShutdown(): ShutdownSequence {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const sequence = new ShutdownSequence({ log });
    holder[KEY] = sequence;
    holder[DRAIN] = (reason) => sequence.run(reason);
  }
  return holder[KEY];
}

export function onShutdown(step: ShutdownStep): () => void {
  return processShutdown().register(step);
}

/** True from the first signal on: readiness answers 503, new event streams end at once. */
export function isShuttingDown(): boolean {
  return processShutdown().started;
}

/**
 * Without scripts/serve.mjs (`next start`, `next dev`) this process takes SIGTERM and SIGINT
 * itself: the drain runs, then the process exits. A repeat of the signal within a second is the
 * same one relayed (Ctrl-C reaches the whole group, and npm passes it on too); a later one exits
 * at once.
 */
export function installSignalHandlers(): void {
  const holder = globalThis as Holder;
  if (holder[SERVER_OWNS_SIGNALS] || holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const sequence = processShutdown();
  let firstAt = 0;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (sequence.started) {
        if (Date.now() - firstAt > 1000) process.exit(1);
        return;
      }
      firstAt = Date.now();
      // The backstop: a step that hangs past every phase limit must not keep the process alive.
      setTimeout(() => process.exit(1), 10_000).unref();
      void sequence.run(signal).finally(() => process.exit(0));
    });
  }
}
