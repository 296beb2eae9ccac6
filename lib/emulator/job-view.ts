import { finishedAt, outputUrl, type EngineContext } from "@/lib/emulator/engine-context";
import type { EngineJob } from "@/lib/emulator/job-store";
import { phaseAt } from "@/lib/emulator/job-timeline";

/** The JSON of GET /v1/jobs/{id} and of a sync response (gateway-contract.md §2). */
export type JobStatus = "queued" | "processing" | "completed" | "failed";

/** `role: "mask"` marks the try-on mask that return_mask adds after the images. */
export type ImageItem = ({ url: string } | { b64_json: string }) & { role?: "mask" };

export interface ImagesResponse {
  created: number;
  data: ImageItem[];
}

export interface JobView {
  job_id: string;
  status: JobStatus;
  progress: number;
  created_at: string;
  /** When the job finished, completed or failed. */
  completed_at: string | null;
  result: ImagesResponse | null;
  error: { code: string; message: string } | null;
}

export function viewJob(ctx: EngineContext, origin: string, job: EngineJob, now: number): JobView {
  const { phase, progress } = phaseAt(job.createdAt, job.durationMs, now);
  const created_at = new Date(job.createdAt).toISOString();
  const head = { job_id: job.id };
  if (phase !== "finished") {
    return { ...head, status: phase, progress, created_at, completed_at: null, result: null, error: null };
  }
  const completed_at = new Date(finishedAt(job)).toISOString();
  if (job.outcome.kind === "failed") {
    return { ...head, status: "failed", progress, created_at, completed_at, result: null, error: job.outcome.error };
  }
  return { ...head, status: "completed", progress, created_at, completed_at, result: urlResponse(ctx, origin, job), error: null };
}

/** The files a completed job lists, in order: the images that passed the filter, then its mask if any. */
export function outputItems(job: EngineJob): { index: number; mask: boolean }[] {
  if (job.outcome.kind !== "completed") return [];
  const items = job.outcome.indices.map((index) => ({ index, mask: false }));
  if (job.maskIndex !== undefined) items.push({ index: job.maskIndex, mask: true });
  return items;
}

/** OpenAI ImagesResponse with signed URLs; only the images that passed the filter (then the mask). */
export function urlResponse(ctx: EngineContext, origin: string, job: EngineJob): ImagesResponse {
  return {
    created: Math.floor(finishedAt(job) / 1000),
    data: outputItems(job).map(({ index, mask }) => ({ url: outputUrl(ctx, origin, job, index), ...(mask ? { role: "mask" as const } : {}) })),
  };
}
