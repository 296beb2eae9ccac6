import "server-only";
import type { ApiJob } from "@/lib/api-types";
import type { BudgetStatus } from "@/lib/budget/request-budget";
import type { Db } from "@/lib/db/client";
import { listInputsOfJobs } from "@/lib/db/input-queries";
import { getJob, listImagesOfJobs } from "@/lib/db/job-queries";
import type { JobRow } from "@/lib/db/schema";
import { queuePlaces } from "./queue-places";
import { getRuntime } from "./runtime";
import { toApiJob, type QueuePlace } from "./serialize";

/**
 * Rows → runs as GET /api/jobs/{id} returns them, in one batch. Used by the job and sweep
 * routes and by the event bus (lib/events), so a `job` event is exactly what a GET would answer.
 */
type BudgetStatusOf = () => Promise<BudgetStatus>;

const runtimeBudget: BudgetStatusOf = async () => (await getRuntime()).budget.status();

/** Places in line for the waiting ones among `jobs` (no budget read when none waits). */
export async function placesOf(db: Db, jobs: readonly JobRow[], budgetStatus: BudgetStatusOf = runtimeBudget): Promise<Map<string, QueuePlace>> {
  const waiting = jobs.filter((j) => j.status === "waiting").map((j) => j.id);
  if (waiting.length === 0) return new Map();
  return queuePlaces(db, waiting, await budgetStatus(), new Date());
}

/** Many runs as the API shows them (images, inputs, places in line), in the order given. */
export async function toApiJobs(db: Db, jobs: readonly JobRow[], budgetStatus?: BudgetStatusOf): Promise<ApiJob[]> {
  if (jobs.length === 0) return [];
  // Images are written with a run's completion, in one transaction (completeJob): no other run has any.
  const completed = jobs.filter((j) => j.status === "completed").map((j) => j.id);
  const images = await listImagesOfJobs(db, completed);
  const inputs = await listInputsOfJobs(db, jobs.map((j) => j.id));
  const places = await placesOf(db, jobs, budgetStatus);
  return jobs.map((j) => toApiJob(j, images.filter((i) => i.jobId === j.id), inputs.filter((i) => i.jobId === j.id), places.get(j.id) ?? null));
}

/**
 * A run just accepted by the gateway, from the row that recorded it: as toApiJobs would show it
 * (nothing has ended, so no images; not waiting, so no place), reading only its inputs, if any.
 */
export async function toApiJobJustSent(db: Db, job: JobRow, hasInputs: boolean): Promise<ApiJob> {
  const inputs = hasInputs ? await listInputsOfJobs(db, [job.id]) : [];
  return toApiJob(job, [], inputs, null);
}

/** The event bus's loader: the runs that still exist among `ids`, by id. */
export async function loadApiJobs(db: Db, ids: string[], budgetStatus: BudgetStatusOf): Promise<Map<string, ApiJob>> {
  const rows = (await Promise.all(ids.map((id) => getJob(db, id)))).filter((j): j is JobRow => j !== undefined);
  return new Map((await toApiJobs(db, rows, budgetStatus)).map((j) => [j.id, j]));
}
