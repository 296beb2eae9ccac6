import { RequestBudget } from "@/lib/budget/request-budget";
import type { Db } from "@/lib/db/client";
import { getJob } from "@/lib/db/job-queries";
import type { JobRow } from "@/lib/db/schema";
import { enqueueRun, type EnqueueOptions } from "@/lib/jobs/enqueue-run";
import { RunQueue } from "@/lib/jobs/run-queue";
import type { ModelDefinition, ModelRequest } from "@/lib/models";
import { getBlobStore } from "@/lib/storage";
import type { UpstreamClient } from "@/lib/upstream/client";

/** What a test needs to submit a run the way POST /api/jobs does. */
export interface SubmitRuntime {
  db: Db;
  client: Pick<UpstreamClient, "submit">;
  tracker: { wakeBy(at: Date): void };
  baseDurationMs?: number;
}

/**
 * Queues a run (enqueueRun: caps, ledger hold, idempotency) and lets a run queue send every
 * waiting run once, with a request budget too large to hold anything back: the path of
 * POST /api/jobs without the HTTP around it. Returns the run as stored after the send.
 */
export async function submitRun(rt: SubmitRuntime, model: ModelDefinition, request: ModelRequest, opts: EnqueueOptions = {}): Promise<JobRow> {
  const { job } = await enqueueRun(rt.db, model, request, opts);
  const queue = new RunQueue({
    db: rt.db,
    client: rt.client,
    // The store the inputs were written to (store-inputs.ts uses the process's blob store).
    store: getBlobStore(),
    budget: new RequestBudget(rt.db, { perMinute: 100_000 }),
    tracker: rt.tracker,
    definitionOf: async (id) => (id === model.id ? model : undefined),
    leaseMs: 5000,
    baseDurationMs: rt.baseDurationMs,
  });
  await queue.drain();
  await queue.stop();
  return (await getJob(rt.db, job.id))!;
}
