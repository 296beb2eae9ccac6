import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cancelWaitingRuns, deleteJob, getJob, listRecentJobs } from "@/lib/db/job-queries";
import type { JobRow } from "@/lib/db/schema";
import type { ApiJob } from "@/lib/api-types";
import { publishJobChanged, publishQueueMoved } from "@/lib/events/process-bus";
import { parseBodyValue } from "@/lib/http/parse-body";
import { validateRunRequest } from "@/lib/model-catalog/validate-run-request";
import { enqueueRun } from "./enqueue-run";
import { toApiJobJustSent, toApiJobs } from "./api-jobs";
import { parseIdempotencyKey } from "./idempotency-key";
import { getRuntime } from "./runtime";

/**
 * How long POST /api/jobs waits for the queue to send the new run: with room in the budget the
 * answer then says `queued` (or why the gateway refused), as a direct submit would; without room
 * it says `waiting`, with the run's place in line, at once.
 */
const SEND_WAIT_MS = 10_000;

/**
 * What the /api/jobs routes call: validation, queueing and reads, mapped to API JSON. A run with
 * nobody ahead of it in line and room in the budget is claimed at admission and sent by this
 * request itself (lib/jobs/README.md, "A run sent by its own request"); otherwise the queue
 * sends it, and Run waits for that pass.
 */
export async function submitJob(body: unknown, idempotencyKeyHeader: string | null): Promise<{ job: ApiJob; replayed: boolean }> {
  const key = parseIdempotencyKey(idempotencyKeyHeader);
  const rt = await getRuntime();
  const offered = await rt.models.offered();
  const { model, request } = parseBodyValue((v) => validateRunRequest(v, offered), body);
  const { job, replayed, taken, hasInputs } = await enqueueRun(rt.db, model, request, {
    idempotency: key === null ? undefined : { key, body },
    sendNow: rt.queue.sendNowOffer(),
  });
  if (replayed) return { job: await readJob(job.id), replayed };
  if (taken) {
    const sent = await rt.queue.sendAdmitted(job, taken);
    if (sent.kind === "refused") await forgetRefused(job.id, sent.error);
    // Just accepted: no images yet, no place in line; read back only what the row does not hold.
    if (sent.kind === "accepted") return { job: await toApiJobJustSent(rt.db, sent.job, hasInputs), replayed };
    return { job: await readJob(job.id), replayed };
  }
  rt.queue.watch(job.id);
  await waitAtMost(rt.queue.drain(), SEND_WAIT_MS);
  const refusal = rt.queue.refusalOf(job.id);
  if (refusal) await forgetRefused(job.id, refusal);
  return { job: await readJob(job.id), replayed };
}

/**
 * The gateway said no while Run waited: nothing was accepted, so the refusal is the answer to Run
 * (a field error stays on its field) and there is no run to remember. Its hold was released; the
 * ledger keeps both entries.
 */
async function forgetRefused(jobId: string, refusal: AppError): Promise<never> {
  await deleteJob(await getDb(), jobId);
  // Its admission was published: tabs that show it learn it is gone.
  publishJobChanged(jobId);
  throw refusal;
}

async function waitAtMost(done: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkId(id: string): void {
  if (!UUID.test(id)) throw new AppError("not_found", "No job with this id.");
}

export async function readJob(id: string): Promise<ApiJob> {
  checkId(id);
  const db = await getDb();
  const job = await getJob(db, id);
  if (!job) throw new AppError("not_found", "No job with this id.");
  const [api] = await toApiJobs(db, [job]);
  return api;
}

export async function readRecentJobs(limit: number): Promise<ApiJob[]> {
  const db = await getDb();
  return toApiJobs(db, await listRecentJobs(db, limit));
}

/**
 * Cancels a waiting run: it is never sent and its hold is released. A run the gateway has
 * accepted cannot be cancelled (the gateway documents no cancel): 409 says so.
 */
export async function cancelRun(id: string): Promise<ApiJob> {
  checkId(id);
  const db = await getDb();
  const [cancelled] = await cancelWaitingRuns(db, new Date(), [id]);
  if (cancelled) {
    publishJobChanged(id);
    publishQueueMoved();
    return readJob(id);
  }
  const job = await getJob(db, id);
  if (!job) throw new AppError("not_found", "No job with this id.");
  if (job.status === "cancelled") return readJob(id);
  throw new AppError("not_cancellable", notCancellable(job));
}

function notCancellable(job: JobRow): string {
  switch (job.status) {
    case "submitting":
    case "queued":
    case "processing":
      return "This run has already been sent to the gateway, which has no way to cancel a job: it will finish and be billed.";
    default:
      return `This run has already ended (${job.status}); there is nothing to cancel.`;
  }
}

/** Cancels every waiting run; returns how many. */
export async function cancelAllWaiting(): Promise<{ cancelled: number }> {
  const db = await getDb();
  const cancelled = await cancelWaitingRuns(db, new Date());
  for (const job of cancelled) publishJobChanged(job.id);
  return { cancelled: cancelled.length };
}
