/**
 * Rendered PNGs, rendered once per (job, index) and kept within a byte budget, least recently
 * used first out. Eviction is safe because rendering is deterministic: an evicted image comes
 * back byte-identical. The promise is cached, so concurrent downloads render once.
 */
interface Entry {
  promise: Promise<Buffer>;
  bytes: number;
}

export class ImageCache {
  private readonly entries = new Map<string, Entry>();
  private total = 0;

  constructor(private readonly budgetBytes: number) {}

  get(jobId: string, index: number, render: () => Promise<Buffer>): Promise<Buffer> {
    const key = `${jobId}/${index}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.promise;
    }
    const entry: Entry = { promise: render(), bytes: 0 };
    this.entries.set(key, entry);
    entry.promise.then(
      (png) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = png.length;
        this.total += png.length;
        this.evict(key);
      },
      () => this.delete(key, entry),
    );
    return entry.promise;
  }

  /** Drops a job's images when the job is forgotten. */
  forgetJob(jobId: string): void {
    for (const [key, entry] of this.entries) if (key.startsWith(`${jobId}/`)) this.delete(key, entry);
  }

  private evict(keep: string): void {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.budgetBytes) return;
      if (key !== keep) this.delete(key, entry);
    }
  }

  private delete(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }
}
