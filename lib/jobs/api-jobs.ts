import "server-only";
import type { ApiJob } from "@/lib/api-types";
import type { Db } from "@/lib/db/client";
import { listInputsOfJobs } from "@/lib/db/input-queries";
import { listImagesOfJobs } from "@/lib/db/job-queries";
import type { JobRow } from "@/lib/db/schema";
import { queuePlaces } from "./queue-places";
import { getRuntime } from "./runtime";
import { toApiJob, type QueuePlace } from "./serialize";

/** Places in line for the waiting ones among `jobs` (no budget read when none waits). */
export async function placesOf(db: Db, jobs: readonly JobRow[]): Promise<Map<string, QueuePlace>> {
  const waiting = jobs.filter((j) => j.status === "waiting").map((j) => j.id);
  if (waiting.length === 0) return new Map();
  const rt = await getRuntime();
  return queuePlaces(db, waiting, await rt.budget.status(), new Date());
}

/** Many runs as the API shows them (images, inputs, places in line), in the order given. */
export async function toApiJobs(db: Db, jobs: readonly JobRow[]): Promise<ApiJob[]> {
  const images = await listImagesOfJobs(db, jobs.map((j) => j.id));
  const inputs = await listInputsOfJobs(db, jobs.map((j) => j.id));
  const places = await placesOf(db, jobs);
  return jobs.map((j) => toApiJob(j, images.filter((i) => i.jobId === j.id), inputs.filter((i) => i.jobId === j.id), places.get(j.id) ?? null));
}
