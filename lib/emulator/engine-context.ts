import type { EngineOptions } from "@/lib/emulator/engine-options";
import { FaultState } from "@/lib/emulator/fault-state";
import { ImageCache } from "@/lib/emulator/image-cache";
import { JobDisk } from "@/lib/emulator/job-disk";
import { JobStore, type EngineJob } from "@/lib/emulator/job-store";
import { RateLimiter } from "@/lib/emulator/rate-limiter";
import { rendererFor } from "@/lib/emulator/renderers";
import { UrlSigner } from "@/lib/emulator/signed-url";

/** The state of one engine instance, handed to every route (no module-level singletons). */
export interface EngineContext {
  options: EngineOptions;
  jobs: JobStore;
  limiter: RateLimiter;
  faults: FaultState;
  signer: UrlSigner;
  images: ImageCache;
  /** Sync requests waiting for their job; cancelled when the engine closes. */
  waiting: Set<() => void>;
  /** http://host:port the engine listens on; output URLs fall back to it without a Host header. */
  origin: string;
}

/** With `dataDir`, the jobs and the signing secret come from the folder (job-disk.ts). */
export async function createContext(options: EngineOptions): Promise<EngineContext> {
  const images = new ImageCache(options.imageCacheBytes);
  const retentionMs = options.jobRetentionSeconds * 1000;
  const folder = options.dataDir ? await JobDisk.open(options.dataDir, retentionMs, Date.now()) : undefined;
  return {
    options,
    jobs: new JobStore(retentionMs, (id) => images.forgetJob(id), folder?.disk, folder?.jobs),
    limiter: new RateLimiter(options.rateLimitPerMinute),
    faults: new FaultState(options.faults),
    signer: new UrlSigner(folder?.secret),
    images,
    waiting: new Set(),
    origin: `http://${options.host}:${options.port}`,
  };
}

export function finishedAt(job: EngineJob): number {
  return job.createdAt + job.durationMs;
}

/** Signed URL of one output; it expires outputTtlSeconds after the job finished (or at once, `expire`). */
export function outputUrl(ctx: EngineContext, origin: string, job: EngineJob, index: number): string {
  const finishedSeconds = Math.floor(finishedAt(job) / 1000);
  const expires = job.faults.expire ? finishedSeconds - 1 : finishedSeconds + ctx.options.outputTtlSeconds;
  return origin + ctx.signer.sign(job.id, index, expires);
}

export function renderOutput(ctx: EngineContext, job: EngineJob, index: number): Promise<Buffer> {
  const render = rendererFor(job.render.request);
  return ctx.images.get(job.id, index, () => render({ ...job.render, index }));
}
