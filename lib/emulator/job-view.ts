import { finishedAt, outputUrl, type EngineContext } from "@/lib/emulator/engine-context";
import type { EngineJob } from "@/lib/emulator/job-store";
import { phaseAt } from "@/lib/emulator/job-timeline";

/** The JSON of GET /v1/jobs/{id} and of a sync response (gateway-contract.md §2). */
export type JobStatus = "queued" | "processing" | "completed" | "failed";

export interface ImagesResponse {
  created: number;
  data: ({ url: string } | { b64_json: string })[];
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

/** OpenAI ImagesResponse with signed URLs; only the images that passed the filter. */
export function urlResponse(ctx: EngineContext, origin: string, job: EngineJob): ImagesResponse {
  const indices = job.outcome.kind === "completed" ? job.outcome.indices : [];
  return {
    created: Math.floor(finishedAt(job) / 1000),
    data: indices.map((i) => ({ url: outputUrl(ctx, origin, job, i) })),
  };
}
