import "server-only";
import type { ApiJob } from "@/lib/api-types";
import type { BudgetStatus } from "@/lib/budget/request-budget";
import type { Db } from "@/lib/db/client";
import { getJob, listImagesOfJobs } from "@/lib/db/job-queries";
import { listJobInputs } from "@/lib/db/input-queries";
import type { JobRow } from "@/lib/db/schema";
import { queuePlaces } from "./queue-places";
import { toApiJob } from "./serialize";

/**
 * Rows → jobs as GET /api/jobs/{id} returns them, in one batch: images for all at once, the
 * request budget read only when one of them waits (for its place in line). Used by the job
 * routes and by the event bus (lib/events), so a `job` event is exactly what a GET would answer.
 */
export async function toApiJobs(db: Db, jobs: JobRow[], budgetStatus: () => Promise<BudgetStatus>): Promise<ApiJob[]> {
  if (jobs.length === 0) return [];
  const ids = jobs.map((j) => j.id);
  const waiting = jobs.filter((j) => j.status === "waiting").map((j) => j.id);
  const [images, inputs, places] = await Promise.all([
    listImagesOfJobs(db, ids),
    Promise.all(jobs.map((j) => listJobInputs(db, j.id))),
    waiting.length > 0 ? budgetStatus().then((b) => queuePlaces(db, waiting, b, new Date())) : new Map(),
  ]);
  return jobs.map((j, n) => toApiJob(j, images.filter((i) => i.jobId === j.id), inputs[n], places.get(j.id) ?? null));
}

/** The bus's loader: the jobs that still exist among `ids`, by id. */
export async function loadApiJobs(db: Db, ids: string[], budgetStatus: () => Promise<BudgetStatus>): Promise<Map<string, ApiJob>> {
  const rows = (await Promise.all(ids.map((id) => getJob(db, id)))).filter((j): j is JobRow => j !== undefined);
  return new Map((await toApiJobs(db, rows, budgetStatus)).map((j) => [j.id, j]));
}
