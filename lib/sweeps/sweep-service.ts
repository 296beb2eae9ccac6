import "server-only";
import type { ApiSweep, ApiSweepSummary } from "@/lib/api-types";
import { getDb } from "@/lib/db/client";
import { cancelWaitingRuns } from "@/lib/db/job-queries";
import { getSweep, listSweepCells, listSweepJobs, listSweeps } from "@/lib/db/sweep-queries";
import { AppError } from "@/lib/errors";
import { publishJobChanged, publishQueueMoved, publishSweepChanged } from "@/lib/events/process-bus";
import { parseBodyValue } from "@/lib/http/parse-body";
import { toApiJobs } from "@/lib/jobs/api-jobs";
import { parseIdempotencyKey } from "@/lib/jobs/idempotency-key";
import { getRuntime } from "@/lib/jobs/runtime";
import type { ApiJob } from "@/lib/api-types";
import { enqueueSweep } from "./enqueue-sweep";
import { rerunCell, rerunWithSeed } from "./rerun-sweep";
import { toApiSweep, toApiSweepSummary, type DefinitionLookup } from "./serialize-sweep";
import { parsePosition, parseSweepRequest } from "./sweep-schemas";

/** What the /api/sweeps routes call. See lib/sweeps/README.md. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkId(id: string): void {
  if (!UUID.test(id)) throw new AppError("not_found", "No sweep with this id.");
}

async function lookup(): Promise<DefinitionLookup> {
  const offered = await (await getRuntime()).models.offered();
  const byId = new Map(offered.map((m) => [m.definition.id, m.definition]));
  return (id) => byId.get(id);
}

export async function readSweep(id: string): Promise<ApiSweep> {
  checkId(id);
  const db = await getDb();
  const sweep = await getSweep(db, id);
  if (!sweep) throw new AppError("not_found", "No sweep with this id.");
  const [cells, jobs] = await Promise.all([listSweepCells(db, id), listSweepJobs(db, id)]);
  return toApiSweep(sweep, cells, await toApiJobs(db, jobs), await lookup());
}

export async function readSweeps(limit: number): Promise<ApiSweepSummary[]> {
  const db = await getDb();
  const names = await lookup();
  return (await listSweeps(db, limit)).map((row) => toApiSweepSummary(row, names));
}

/** A new sweep (201), or with a repeated Idempotency-Key and the same body, the one it made (200). */
export async function createSweep(body: unknown, idempotencyKeyHeader: string | null): Promise<{ sweep: ApiSweep; replayed: boolean }> {
  const key = parseIdempotencyKey(idempotencyKeyHeader);
  const request = parseBodyValue(parseSweepRequest, body);
  const rt = await getRuntime();
  const { sweep, replayed } = await enqueueSweep(rt.db, await rt.models.offered(), request, {
    idempotency: key === null ? undefined : { key, body },
  });
  if (!replayed) {
    rt.queue.kick();
    publishSweepChanged(sweep.id);
  }
  return { sweep: await readSweep(sweep.id), replayed };
}

/** Cancels the sweep's waiting cells (never sent, never billed); sent ones finish. */
export async function cancelSweep(id: string): Promise<ApiSweep> {
  checkId(id);
  const db = await getDb();
  if (!(await getSweep(db, id))) throw new AppError("not_found", "No sweep with this id.");
  const waiting = (await listSweepJobs(db, id)).filter((j) => j.status === "waiting").map((j) => j.id);
  if (waiting.length > 0) {
    for (const job of await cancelWaitingRuns(db, new Date(), waiting)) publishJobChanged(job.id);
    publishQueueMoved();
  }
  return readSweep(id);
}

export async function rerunSweepCell(id: string, rawPosition: string, newSeed: boolean): Promise<ApiJob> {
  checkId(id);
  const position = parsePosition(rawPosition);
  if (position === null) throw new AppError("not_found", "No such cell in this sweep.");
  const rt = await getRuntime();
  const job = await rerunCell(rt.db, await rt.models.offered(), id, position, newSeed);
  rt.queue.kick();
  publishSweepChanged(id);
  const [api] = await toApiJobs(rt.db, [job]);
  return api;
}

export async function rerunSweep(id: string, seed: number | undefined): Promise<ApiSweep> {
  checkId(id);
  const rt = await getRuntime();
  const sweep = await rerunWithSeed(rt.db, await rt.models.offered(), id, seed);
  rt.queue.kick();
  publishSweepChanged(sweep.id);
  return readSweep(sweep.id);
}
