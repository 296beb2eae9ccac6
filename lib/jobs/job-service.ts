import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getJob, getJobImages, listImagesOfJobs, listRecentJobs } from "@/lib/db/job-queries";
import { listJobInputs } from "@/lib/db/input-queries";
import type { ApiJob } from "@/lib/api-types";
import { parseBodyValue } from "@/lib/http/parse-body";
import { validateRunRequest } from "@/lib/model-catalog/validate-run-request";
import { createJob } from "./create-job";
import { getRuntime } from "./runtime";
import { toApiJob } from "./serialize";

/** What the /api/jobs routes call: validation, submission and reads, mapped to API JSON. */
export async function submitJob(body: unknown): Promise<ApiJob> {
  const rt = await getRuntime();
  const offered = await rt.models.offered();
  const { model, request } = parseBodyValue((v) => validateRunRequest(v, offered), body);
  let job;
  try {
    job = await createJob(rt, model, request);
  } catch (e) {
    // The gateway no longer runs this model: say so on the page from now on, not only here.
    if (e instanceof AppError && e.code === "model_unavailable") rt.models.noteRefusal(model.id, e);
    throw e;
  }
  // Most runs carry no images: skip the inputs query on the hot path then.
  const hasImages = ["image", "images", "reference_image", "mask_image"].some((f) => f in request);
  return toApiJob(job, [], hasImages ? await listJobInputs(rt.db, job.id) : []);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function readJob(id: string): Promise<ApiJob> {
  if (!UUID.test(id)) throw new AppError("not_found", "No job with this id.");
  const db = await getDb();
  const job = await getJob(db, id);
  if (!job) throw new AppError("not_found", "No job with this id.");
  return toApiJob(job, await getJobImages(db, id), await listJobInputs(db, id));
}

export async function readRecentJobs(limit: number): Promise<ApiJob[]> {
  const db = await getDb();
  const jobs = await listRecentJobs(db, limit);
  const images = await listImagesOfJobs(db, jobs.map((j) => j.id));
  const inputs = await Promise.all(jobs.map((j) => listJobInputs(db, j.id)));
  return jobs.map((j, n) => toApiJob(j, images.filter((i) => i.jobId === j.id), inputs[n]));
}
