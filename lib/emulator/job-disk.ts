import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { ensurePrivateDir, sweepTempFiles, syncDir, writeFileAtomically } from "@/lib/storage/durable-files";
import { InputFiles } from "@/lib/emulator/input-files";
import { hashesOf, jobFromRecord, parseRecord, refsOf, toRecordJson } from "@/lib/emulator/job-record";
import { isExpired, type EngineJob, type JobPersistence } from "@/lib/emulator/job-store";
import { loadOrCreateSigningSecret } from "@/lib/emulator/signing-secret";

/**
 * The engine's job table in a folder (the `dataDir` option), so a restarted engine answers for
 * the jobs it accepted before:
 *
 *   <dir>/url-signing.key   the output URLs' HMAC secret (signing-secret.ts)
 *   <dir>/jobs/<id>.json    one file per job (job-record.ts), written before the submit is answered
 *   <dir>/inputs/<sha256>   input images, once per content (input-files.ts)
 *
 * Every file is written complete or not at all (durable-files.ts). A job's inputs are durable
 * before its file is written, and its file is deleted before its inputs, so a crash at any point
 * leaves nothing a later start cannot read: leftovers are swept, and a file that is corrupt anyway
 * (edited, damaged disk) is skipped with one log line.
 */
export interface OpenedJobFolder {
  disk: JobDisk;
  secret: Buffer;
  /** The unexpired jobs found, in no particular order. */
  jobs: EngineJob[];
}

export type Warn = (line: string) => void;

export class JobDisk implements JobPersistence {
  private readonly hashesByJob = new Map<string, string[]>();
  private readonly pending = new Set<Promise<void>>();

  private constructor(
    private readonly jobsDir: string,
    private readonly inputs: InputFiles,
  ) {}

  static async open(dir: string, retentionMs: number, now: number, warn: Warn = (line) => console.warn(line)): Promise<OpenedJobFolder> {
    const jobsDir = path.join(dir, "jobs");
    const inputsDir = path.join(dir, "inputs");
    for (const d of [dir, jobsDir, inputsDir]) {
      await ensurePrivateDir(d);
      await sweepTempFiles(d);
    }
    const secret = await loadOrCreateSigningSecret(dir, warn);
    const inputs = new InputFiles(inputsDir);
    await inputs.scan();
    const disk = new JobDisk(jobsDir, inputs);
    const jobs = await disk.loadJobs(retentionMs, now, warn);
    await inputs.sweepUnused();
    return { disk, secret, jobs };
  }

  /** Writes the job and its new inputs durably; the submit is answered only after this. */
  save(job: EngineJob): Promise<void> {
    const work = this.write(job);
    this.track(work.catch(() => {}));
    return work;
  }

  private async write(job: EngineJob): Promise<void> {
    const { refs, bytes } = refsOf(job.render.inputs);
    const hashes = [...bytes.keys()];
    this.inputs.retain(hashes);
    try {
      await this.inputs.persist(bytes);
      await writeFileAtomically(this.jobsDir, `${job.id}.json`, toRecordJson(job, refs));
      await syncDir(this.jobsDir);
    } catch (e) {
      // The client hears 500 for this job, so no later start may find it.
      await rm(this.fileOf(job.id), { force: true }).catch(() => {});
      await this.inputs.release(hashes).catch(() => {});
      throw e;
    }
    this.hashesByJob.set(job.id, hashes);
  }

  /** Deletes an expired job's file, then the inputs no other job uses. Runs in the background. */
  remove(job: EngineJob): void {
    const hashes = this.hashesByJob.get(job.id) ?? [];
    this.hashesByJob.delete(job.id);
    const work = rm(this.fileOf(job.id), { force: true })
      .then(() => this.inputs.release(hashes))
      .catch((e: unknown) => console.error(`[engine] could not delete the files of ${job.id}:`, e instanceof Error ? e.message : e));
    this.track(work);
  }

  /** Resolves when every write and deletion started so far has finished (close() waits for it). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private fileOf(id: string): string {
    return path.join(this.jobsDir, `${id}.json`);
  }

  private async loadJobs(retentionMs: number, now: number, warn: Warn): Promise<EngineJob[]> {
    const jobs: EngineJob[] = [];
    const inputCache = new Map<string, Promise<Buffer | null>>();
    const readInput = (h: string) => {
      if (!inputCache.has(h)) inputCache.set(h, this.inputs.read(h));
      return inputCache.get(h)!;
    };
    for (const name of (await readdir(this.jobsDir)).filter((n) => n.endsWith(".json"))) {
      const file = path.join(this.jobsDir, name);
      try {
        const record = parseRecord(await readFile(file, "utf8"));
        if (name !== `${record.id}.json`) throw new Error(`it holds job ${record.id}`);
        if (isExpired(record, retentionMs, now)) {
          await rm(file, { force: true });
          continue;
        }
        const hashes = hashesOf(record.inputs);
        const bytes = new Map<string, Buffer>();
        for (const h of hashes) {
          const b = await readInput(h);
          if (!b) throw new Error(`its input ${h} is missing or damaged`);
          bytes.set(h, b);
        }
        jobs.push(jobFromRecord(record, (h) => bytes.get(h)!));
        this.inputs.retain(hashes);
        this.hashesByJob.set(record.id, hashes);
      } catch (e) {
        warn(`[engine] skipped ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return jobs;
  }
}
