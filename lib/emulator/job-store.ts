import { randomBytes } from "node:crypto";
import type { FaultSpec } from "@/lib/emulator/faults";
import type { RenderJob } from "@/lib/emulator/render-job";

/**
 * The engine's jobs, in memory and, with a `dataDir`, also on disk (job-disk.ts): a job is then
 * written before its submit is answered and the store starts with the jobs found there. A job is
 * readable until `jobRetentionSeconds` after it finishes, then forgotten (404) and its files
 * deleted, as the gateway keeps job state one hour. Expiry is swept lazily on access, at most once
 * a second, so there is no timer to leak.
 */
export type JobOutcome =
  | { kind: "completed"; /** Indices of the images that passed the content filter. */ indices: number[] }
  | { kind: "failed"; error: { code: string; message: string } };

export interface EngineJob {
  id: string;
  createdAt: number;
  durationMs: number;
  /** Everything the renderer needs, minus the image index. */
  render: Omit<RenderJob, "index">;
  numberOfImages: number;
  /**
   * VIRTUAL_TRY_ON with return_mask: the file index of the mask it used (= numberOfImages),
   * listed after the images with role "mask". Content filtering never drops it.
   */
  maskIndex?: number;
  outcome: JobOutcome;
  faults: FaultSpec;
  /** GETs of this job so far (poll429/poll500 count them). */
  polls: number;
}

/** Where the jobs are kept besides memory (JobDisk). */
export interface JobPersistence {
  /** Durable when it resolves; a rejection means the job must not be accepted. */
  save(job: EngineJob): Promise<void>;
  /** Forgets an expired job's files, in the background. */
  remove(job: EngineJob): void;
  /** Resolves when the background work started so far is done. */
  settled(): Promise<void>;
}

const SWEEP_EVERY_MS = 1000;

export class JobStore {
  private readonly jobs = new Map<string, EngineJob>();
  private lastSweep = 0;

  constructor(
    private readonly retentionMs: number,
    private readonly onForget: (id: string) => void = () => {},
    private readonly persistence?: JobPersistence,
    loaded: EngineJob[] = [],
  ) {
    for (const job of loaded) this.jobs.set(job.id, job);
  }

  static newId(): string {
    return `job_${randomBytes(12).toString("hex")}`;
  }

  /** Resolves once the job is stored (on disk too, with persistence); only then may it be announced. */
  async add(job: EngineJob): Promise<void> {
    this.sweep();
    await this.persistence?.save(job);
    this.jobs.set(job.id, job);
  }

  get(id: string, now = Date.now()): EngineJob | undefined {
    this.sweep(now);
    const job = this.jobs.get(id);
    return job && !isExpired(job, this.retentionMs, now) ? job : undefined;
  }

  get size(): number {
    return this.jobs.size;
  }

  sweep(now = Date.now()): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const job of this.jobs.values()) {
      if (isExpired(job, this.retentionMs, now)) {
        this.jobs.delete(job.id);
        this.onForget(job.id);
        this.persistence?.remove(job);
      }
    }
  }

  /** Resolves when the file deletions started so far are done (the engine's close() waits). */
  settled(): Promise<void> {
    return this.persistence?.settled() ?? Promise.resolve();
  }
}

/** Past its retention: `retentionMs` after the job finished. */
export function isExpired(job: { createdAt: number; durationMs: number }, retentionMs: number, now: number): boolean {
  return now >= job.createdAt + job.durationMs + retentionMs;
}

/** The outcome a job will reveal when its time is up, decided at submit from its faults. */
export function planOutcome(numberOfImages: number, faults: FaultSpec): JobOutcome {
  if (faults.fail !== undefined) return { kind: "failed", error: { code: "generation_failed", message: faults.fail } };
  const blocked = Math.min(numberOfImages, faults.block ?? 0);
  if (blocked >= numberOfImages && blocked > 0) {
    const message = `All ${numberOfImages} requested image${numberOfImages === 1 ? " was" : "s were"} blocked by the content filter`;
    return { kind: "failed", error: { code: "content_filtered", message } };
  }
  // The last ones are blocked; the kept ones keep their own index (and so their seed + index).
  return { kind: "completed", indices: Array.from({ length: numberOfImages - blocked }, (_, i) => i) };
}
