import type { Retirement } from "@/lib/emulator/catalog/catalog-json";
import { FaultSyntaxError, mergeFaults, parseFaults, SUBMIT_COUNTERS, type FaultSpec, type SubmitStatus } from "@/lib/emulator/faults";

/**
 * The engine's live fault configuration. The engine-wide spec (options.faults, replaced by
 * setFaults / PUT /_engine/faults) applies to every job; submit402/429/500 are engine-wide
 * counters that count down. A header's submit counters arm once per distinct header value
 * (until the next setFaults), so a client retrying with the same header gets through instead
 * of re-arming the fault forever.
 */
export interface SubmitFaults {
  /** Set when this submit must be refused. */
  refuse?: { status: SubmitStatus; retryAfterSeconds: number };
  /** Faults the new job carries (latency, fail, block, poll429/500, expire, retry_after). */
  job: FaultSpec;
  /** Models retired for this submit: the engine-wide ones and the header's. */
  retired: Retirement[];
}

export class FaultState {
  private spec: FaultSpec = {};
  private counters: Record<SubmitStatus, number> = { 402: 0, 429: 0, 500: 0 };
  private armedHeaders = new Set<string>();

  constructor(spec = "") {
    this.set(spec);
  }

  /** Replaces everything: spec, counters, and the memory of armed headers. Throws FaultSyntaxError. */
  set(text: string): void {
    const spec = parseFaults(text);
    this.spec = spec;
    this.counters = { 402: 0, 429: 0, 500: 0 };
    this.armedHeaders.clear();
    this.arm(spec);
  }

  describe(): { faults: FaultSpec; remaining: Record<string, number> } {
    return {
      faults: this.spec,
      remaining: { submit402: this.counters[402], submit429: this.counters[429], submit500: this.counters[500] },
    };
  }

  /** Decides one submit. A bad header is the client's mistake: FaultSyntaxError → 400. */
  forSubmit(header: string | undefined): SubmitFaults {
    const fromHeader = header ? parseFaults(header) : {};
    if (header && !this.armedHeaders.has(header)) {
      this.armedHeaders.add(header);
      this.arm(fromHeader);
    }
    const retired = [...(this.spec.retire ?? []), ...(fromHeader.retire ?? [])];
    // A retirement is the engine's state, not the job's: it is not stored with the job.
    const job = mergeFaults(this.spec, fromHeader);
    delete job.retire;
    for (const [, status] of SUBMIT_COUNTERS) {
      if (this.counters[status] > 0) {
        this.counters[status]--;
        return { refuse: { status, retryAfterSeconds: job.retry_after ?? 1 }, job, retired };
      }
    }
    return { job, retired };
  }

  /** The retired models a catalog read sees: the engine-wide ones and its header's (counters untouched). */
  retirements(header: string | undefined): Retirement[] {
    return [...(this.spec.retire ?? []), ...(header ? (parseFaults(header).retire ?? []) : [])];
  }

  private arm(spec: FaultSpec): void {
    for (const [key, status] of SUBMIT_COUNTERS) this.counters[status] += spec[key] ?? 0;
  }
}

export { FaultSyntaxError };
