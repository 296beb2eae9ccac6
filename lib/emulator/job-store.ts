import { randomBytes } from "node:crypto";
import type { FaultSpec } from "@/lib/emulator/faults";
import type { RenderJob } from "@/lib/emulator/render-job";

/**
 * In-memory jobs. A job is readable until `jobRetentionSeconds` after it finishes, then
 * forgotten (404), as the gateway keeps job state one hour. Expiry is swept lazily on access,
 * at most once a second, so there is no timer to leak.
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

const SWEEP_EVERY_MS = 1000;

export class JobStore {
  private readonly jobs = new Map<string, EngineJob>();
  private lastSweep = 0;

  constructor(
    private readonly retentionMs: number,
    private readonly onForget: (id: string) => void = () => {},
  ) {}

  static newId(): string {
    return `job_${randomBytes(12).toString("hex")}`;
  }

  add(job: EngineJob): void {
    this.jobs.set(job.id, job);
  }

  get(id: string, now = Date.now()): EngineJob | undefined {
    this.sweep(now);
    const job = this.jobs.get(id);
    return job && !this.isExpired(job, now) ? job : undefined;
  }

  get size(): number {
    return this.jobs.size;
  }

  sweep(now = Date.now()): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const job of this.jobs.values()) {
      if (this.isExpired(job, now)) {
        this.jobs.delete(job.id);
        this.onForget(job.id);
      }
    }
  }

  private isExpired(job: EngineJob, now: number): boolean {
    return now >= job.createdAt + job.durationMs + this.retentionMs;
  }
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
