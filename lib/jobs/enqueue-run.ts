import "server-only";
import { createHash, randomInt } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { admitRun, type SendNow } from "@/lib/db/run-admission";
import type { TakeResult } from "@/lib/db/rate-queries";
import type { JobRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { publishJobChanged } from "@/lib/events/process-bus";
import { log } from "@/lib/log";
import type { ModelDefinition, ModelRequest } from "@/lib/models";
import { capRefusal } from "@/lib/spend/cap-refusal";
import { readCaps, spendTimeZone } from "@/lib/spend/spending-caps";
import { periodsAt } from "@/lib/time/zoned-periods";
import { storeRequestInputs } from "./store-inputs";

const RANDOM_STEPS = 2 ** 47;
/** How long an Idempotency-Key names its run (Stripe's window). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface EnqueueOptions {
  /** The client's Idempotency-Key header, and the body it came with (hashed). */
  idempotency?: { key: string; body: unknown };
  /** The run queue's offer to let the caller send the run itself (RunQueue.sendNowOffer). */
  sendNow?: SendNow;
  now?: Date;
}

export interface Enqueued {
  job: JobRow;
  replayed: boolean;
  /** Claimed at admission for the caller to send (RunQueue.sendAdmitted), with this request. */
  taken?: TakeResult;
  /** Whether the run has stored inputs (images given inline or from the gallery). */
  hasInputs: boolean;
}

/**
 * Puts a validated run in the queue (`waiting`), its maximum cost held against the caps. Inputs
 * are stored first (by content hash, so a repeat stores nothing new); then one transaction
 * (lib/db/run-admission.ts) answers a repeated Idempotency-Key with its run, refuses a run past a
 * cap (402), or writes the run and its hold together. Nothing is sent here: the run queue sends,
 * or, with `sendNow` and nobody in line, the caller (the run is then returned claimed, `taken`).
 */
export async function enqueueRun(
  db: Db,
  model: ModelDefinition,
  request: ModelRequest,
  opts: EnqueueOptions = {},
): Promise<Enqueued> {
  const now = opts.now ?? new Date();
  // Every run records the seed it used, so any result can be reproduced.
  // A crypto-backed draw in [0, 1), fine enough for any model's seed range.
  const seeded = model.ensureSeed(request, () => randomInt(0, RANDOM_STEPS) / RANDOM_STEPS);
  const { params, links, inputSize } = await storeRequestInputs(db, seeded);
  const estimate = model.estimateCost(seeded, inputSize);
  const timeZone = spendTimeZone();
  const periods = periodsAt(now, timeZone);
  const admission = await admitRun(db, {
    row: {
      model: model.id,
      taskType: seeded.task_type,
      params,
      prompt: typeof seeded.prompt === "string" ? seeded.prompt : null,
      seed: typeof seeded.seed === "number" ? seeded.seed : null,
      imagesRequested: estimate.images,
      estimatedCostMicros: estimate.totalMicros,
    },
    links,
    idempotency: admissionKey(opts.idempotency, now),
    caps: async (tx) => (await readCaps(tx)).caps,
    periods,
    now,
    sendNow: opts.sendNow,
  });
  const hasInputs = links.length > 0;
  switch (admission.kind) {
    case "replayed":
      return { job: admission.job, replayed: true, hasInputs };
    case "key_reused":
      throw keyReused("request body", "run");
    case "over_cap":
      throw capRefusal({ ...admission, resetsAt: periods[admission.period].end, timeZone });
    case "admitted":
      log("info", "job.queued", { jobId: admission.job.id, model: model.id, task: seeded.task_type });
      publishJobChanged(admission.job.id);
      return { job: admission.job, replayed: false, taken: admission.taken, hasInputs };
  }
}

/** What admission checks a repeated Idempotency-Key against: the key, its body's hash, its window. */
export function admissionKey(idempotency: EnqueueOptions["idempotency"], now: Date) {
  if (!idempotency) return undefined;
  return { key: idempotency.key, requestHash: hashBody(idempotency.body), since: new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS) };
}

/** The 422 of a key used again within its window with another body. */
export function keyReused(body: string, thing: string): AppError {
  return new AppError("validation_failed", "Idempotency-Key was already used with a different request.", {
    fields: [{ field: "Idempotency-Key", message: `Idempotency-Key was already used within 24 hours for a different ${body}; send a new key for a new ${thing}` }],
  });
}

/** The same body in any key order hashes the same: the retry of a client that rebuilt its JSON is still a retry. */
export function hashBody(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
