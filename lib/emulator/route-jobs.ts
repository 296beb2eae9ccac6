import type { ServerResponse } from "node:http";
import { notFound, rateLimited, serverError } from "@/lib/emulator/api-error";
import type { EngineContext } from "@/lib/emulator/engine-context";
import { sendJson } from "@/lib/emulator/http-io";
import { viewJob } from "@/lib/emulator/job-view";

/**
 * GET /v1/jobs/{id}. Any authenticated key may read any job (the engine has no accounts).
 * poll429=N / poll500=N make the first N reads of this job fail, 429s before 500s.
 */
export function handleGetJob(ctx: EngineContext, res: ServerResponse, origin: string, id: string): void {
  const now = Date.now();
  const job = ctx.jobs.get(id, now);
  if (!job) throw notFound(`No job with id ${id} (unknown, or expired ${ctx.options.jobRetentionSeconds} s after finishing)`);
  job.polls++;
  const poll429 = job.faults.poll429 ?? 0;
  const poll500 = job.faults.poll500 ?? 0;
  if (job.polls <= poll429) throw rateLimited(job.faults.retry_after ?? 1, "Rate limit exceeded (injected fault)");
  if (job.polls <= poll429 + poll500) throw serverError("Internal server error (injected fault)");
  sendJson(res, 200, viewJob(ctx, origin, job, now));
}
