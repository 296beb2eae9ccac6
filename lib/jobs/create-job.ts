import "server-only";
import { randomInt } from "node:crypto";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { deleteJob, failJob, insertJob, markSubmitted } from "@/lib/db/job-queries";
import type { JobRow } from "@/lib/db/schema";
import type { ModelDefinition, ModelRequest } from "@/lib/models";
import { expectedDurationMs } from "./poll-schedule";
import { linkStoredInputs, storeRequestInputs } from "./store-inputs";
import type { Runtime } from "./runtime";

const RANDOM_STEPS = 2 ** 47;

/**
 * Submits a validated request. The job row is written before the upstream call, so a job the
 * gateway accepts is always on record, even if this process dies before the answer arrives.
 */
export async function createJob(
  rt: Pick<Runtime, "db" | "client" | "tracker" | "baseDurationMs">,
  model: ModelDefinition,
  request: ModelRequest,
): Promise<JobRow> {
  // Every run records the seed it used, so any result can be reproduced.
  // A crypto-backed draw in [0, 1), fine enough for any model's seed range.
  const seeded = model.ensureSeed(request, () => randomInt(0, RANDOM_STEPS) / RANDOM_STEPS);
  const { params, links, inputSize, upstream } = await storeRequestInputs(rt.db, seeded, model);
  const estimate = model.estimateCost(seeded, inputSize);
  const job = await insertJob(rt.db, {
    model: model.id,
    taskType: seeded.task_type,
    status: "submitting",
    params,
    prompt: typeof seeded.prompt === "string" ? seeded.prompt : null,
    seed: typeof seeded.seed === "number" ? seeded.seed : null,
    imagesRequested: estimate.images,
    estimatedCostMicros: estimate.totalMicros,
  });
  await linkStoredInputs(rt.db, job.id, links);

  let upstreamJobId: string;
  try {
    ({ jobId: upstreamJobId } = await rt.client.submit(model.buildPayload(upstream)));
  } catch (e) {
    if (e instanceof AppError && e.code === "outcome_unknown") {
      // Not resent: a second submit could run (and bill) the job twice. Kept on record instead.
      await failJob(rt.db, job.id, e.code, `${e.message} The job may have been accepted; it was not resent to avoid paying twice.`, new Date());
      log("warn", "job.submit_outcome_unknown", { jobId: job.id, error: e });
    } else {
      // The gateway answered "no": nothing was accepted, so there is no job to remember.
      await deleteJob(rt.db, job.id);
    }
    throw e;
  }

  const now = new Date();
  const firstPoll = new Date(now.getTime() + expectedDurationMs(seeded as Record<string, unknown>, rt.baseDurationMs));
  const submitted = await markSubmitted(rt.db, job.id, upstreamJobId, now, firstPoll);
  rt.tracker.wakeBy(firstPoll);
  log("info", "job.submitted", { jobId: job.id, upstreamJobId, model: model.id, task: seeded.task_type });
  return submitted;
}
