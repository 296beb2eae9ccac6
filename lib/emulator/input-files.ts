import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { isMissing, syncDir, writeFileAtomically } from "@/lib/storage/durable-files";
import { sha256Hex } from "@/lib/emulator/job-record";

/**
 * The input images of persisted jobs, one file per content (`inputs/<sha256 hex>`), written once
 * and shared by every job that uses the same bytes; a file goes when the last job using it does.
 * Uses are counted in memory (rebuilt from the job files at start). Writes and deletions of one
 * hash run one after another, so a job arriving while the previous user of its image is being
 * deleted finds the file written again rather than deleted under it.
 */
const NAME = /^[0-9a-f]{64}$/;

export class InputFiles {
  private readonly uses = new Map<string, number>();
  private readonly onDisk = new Set<string>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly dir: string) {}

  /** At start: which inputs are on disk. Names that are not a sha256 are left alone. */
  async scan(): Promise<void> {
    for (const name of await readdir(this.dir)) if (NAME.test(name)) this.onDisk.add(name);
  }

  /** The bytes of one input, or null when the file is missing or no longer matches its hash. */
  async read(hash: string): Promise<Buffer | null> {
    try {
      const bytes = await readFile(path.join(this.dir, hash));
      return sha256Hex(bytes) === hash ? bytes : null;
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  /** Counts one more job using each hash. Synchronous, so it happens before any deletion is decided. */
  retain(hashes: string[]): void {
    for (const h of hashes) this.uses.set(h, (this.uses.get(h) ?? 0) + 1);
  }

  /** Makes every input durable on disk, writing only those not already there. */
  persist(bytes: Map<string, Buffer>): Promise<void> {
    const writes = [...bytes].map(([hash, b]) =>
      this.serially(hash, async () => {
        if (this.onDisk.has(hash)) return;
        await writeFileAtomically(this.dir, hash, b);
        await syncDir(this.dir);
        this.onDisk.add(hash);
      }),
    );
    return Promise.all(writes).then(() => {});
  }

  /** One job fewer uses each hash; a hash nobody uses any more is deleted. */
  release(hashes: string[]): Promise<void> {
    for (const h of hashes) {
      const left = (this.uses.get(h) ?? 0) - 1;
      if (left > 0) this.uses.set(h, left);
      else this.uses.delete(h);
    }
    return Promise.all(hashes.map((h) => this.serially(h, () => this.deleteIfUnused(h)))).then(() => {});
  }

  /** At start, after every job was loaded: deletes inputs no job uses (left by a crash mid-deletion). */
  async sweepUnused(): Promise<void> {
    for (const hash of [...this.onDisk]) await this.deleteIfUnused(hash);
  }

  private async deleteIfUnused(hash: string): Promise<void> {
    if (this.uses.has(hash) || !this.onDisk.has(hash)) return;
    this.onDisk.delete(hash);
    await rm(path.join(this.dir, hash), { force: true });
  }

  private serially(hash: string, op: () => Promise<void>): Promise<void> {
    const run = (this.queues.get(hash) ?? Promise.resolve()).then(op);
    const tail = run.catch(() => {});
    this.queues.set(hash, tail);
    void tail.then(() => {
      if (this.queues.get(hash) === tail) this.queues.delete(hash);
    });
    return run;
  }
}
