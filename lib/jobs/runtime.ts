import "server-only";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { env } from "@/lib/env";
import { log, redact } from "@/lib/log";
import { getDb } from "@/lib/db/client";
import { getBlobStore } from "@/lib/storage";
import { createUpstreamClient, type UpstreamClient } from "@/lib/upstream/client";
import { startEngine } from "@/lib/emulator/server";
import { ModelsService } from "@/lib/model-catalog/models-service";
import { RequestBudget } from "@/lib/budget/request-budget";
import { getModel } from "@/lib/models";
import { closeEventBus, getEventBus } from "@/lib/events/process-bus";
import { ensureServerKeys } from "@/lib/keys/server-keys";
import { isShuttingDown, onShutdown } from "@/lib/lifecycle/shutdown";
import { loadApiJobs } from "./api-jobs";
import { watchPeers } from "./peer-watch";
import { RunQueue } from "./run-queue";
import { RUNTIME_BOOTED, RUNTIME_KEY } from "./runtime-state";
import { jobShutdownSteps } from "./shutdown-steps";
import { JobTracker } from "./tracker";

/**
 * The process-wide run queue, tracker, request budget and upstream client (and the database
 * handle they use, the one `getDb()` in lib/db opens). Services that only read or write rows take
 * the database from lib/db directly; this is for what needs the queue, the tracker or the
 * upstream. Kept on globalThis because Next.js may load this module more than once (hot reload,
 * separate route bundles), and there must be one queue and one tracker per process.
 */
export interface Runtime {
  db: Awaited<ReturnType<typeof getDb>>;
  client: UpstreamClient;
  tracker: JobTracker;
  queue: RunQueue;
  /** Every request to the gateway takes from it (UPSTREAM_RPM a minute, shared through the database). */
  budget: RequestBudget;
  /** The models on offer: built-in ones and the gateway's catalog, read at most hourly. */
  models: ModelsService;
  upstream: "offline" | "gateway";
  /** Typical duration of a standard, small job: where the first poll aims. */
  baseDurationMs?: number;
}

// On globalThis, where runtime-state.ts reads whether it is up.
type Holder = { [RUNTIME_KEY]?: Promise<Runtime>; [RUNTIME_BOOTED]?: boolean };

async function connectUpstream(budget: RequestBudget): Promise<Pick<Runtime, "client" | "upstream" | "baseDurationMs">> {
  const e = env();
  const common = { timeoutMs: e.UPSTREAM_TIMEOUT_MS, redact, budget };
  if (e.EMPIRIOLABS_API_KEY) {
    return {
      client: createUpstreamClient({ ...common, baseUrl: e.EMPIRIOLABS_BASE_URL, apiKey: e.EMPIRIOLABS_API_KEY }),
      upstream: "gateway",
    };
  }
  // The key between the app and its own engine: random per process (not a fixed string any local
  // process could use), which costs nothing because the engine lets any key read any job.
  const engineKey = e.ENGINE_API_KEY ?? randomBytes(24).toString("base64url");
  const engine = await startEngine({
    host: "127.0.0.1",
    port: 0,
    apiKey: engineKey,
    // No fault endpoint in the app (finding 12); tests set faults with ENGINE_FAULTS.
    controlEndpoints: false,
    // Jobs in flight survive a restart of the app, as they do in gateway mode.
    dataDir: path.join(e.DATA_DIR, "engine"),
    latencyMs: e.ENGINE_LATENCY_MS,
    outputTtlSeconds: e.ENGINE_OUTPUT_TTL_S,
    rateLimitPerMinute: e.ENGINE_RATE_LIMIT_PER_MIN,
    faults: e.ENGINE_FAULTS,
    log: e.ENGINE_LOG,
  });
  log("info", "engine.started", { url: engine.url, note: "offline engine: images are synthesised locally" });
  return {
    client: createUpstreamClient({ ...common, baseUrl: engine.url, apiKey: engineKey }),
    upstream: "offline",
    // The engine's latency is ours to know: aim the first poll at its mean.
    baseDurationMs: (e.ENGINE_LATENCY_MS.min + e.ENGINE_LATENCY_MS.max) / 2,
  };
}

async function boot(): Promise<Runtime> {
  const e = env();
  const db = await getDb();
  // Before anything signs or opens a value (sessions, share links): the keys all instances share.
  await ensureServerKeys();
  const budget = new RequestBudget(db, { perMinute: e.UPSTREAM_RPM, log });
  const { client, upstream, baseDurationMs } = await connectUpstream(budget);
  const models = new ModelsService(client);
  const store = getBlobStore();
  // Job events carry the job as GET /api/jobs/{id} answers it, read by the bus after each change.
  const events = getEventBus();
  events.setJobLoader((ids) => loadApiJobs(db, ids, () => budget.status()));
  // The tracker tells the queue when polls may have freed room; the queue tells the tracker when
  // a new job is due. Both exist before either starts (the tracker's callback runs only after).
  const tracker = new JobTracker({
    db,
    client,
    store,
    leaseMs: e.JOB_LEASE_MS,
    stuckAfterMs: e.JOB_STUCK_AFTER_MS,
    orphanAfterMs: e.UPSTREAM_TIMEOUT_MS + 5000,
    log,
    budget,
    onPolled: () => queue.kick(),
    events,
  });
  const queue: RunQueue = new RunQueue({
    db,
    client,
    store,
    budget,
    tracker,
    definitionOf: async (id) => (await models.offered()).find((m) => m.definition.id === id)?.definition ?? getModel(id),
    onModelRefused: (id, error) => models.noteRefusal(id, error),
    leaseMs: e.JOB_LEASE_MS,
    baseDurationMs,
    housekeeping: () => tracker.failOrphanedSubmits(),
    events,
    log,
  });
  // A process told to stop while it booted must not start claiming work it will not finish.
  if (isShuttingDown()) throw new Error("the process is shutting down");
  // Registered before the tracker starts: from here on a shutdown stops it and hands back its leases.
  const unregister = jobShutdownSteps({ queue, tracker, events: { close: closeEventBus }, log }).map(onShutdown);
  try {
    await tracker.start();
  } catch (e) {
    // The next getRuntime() boots anew and registers its own.
    for (const u of unregister) u();
    await tracker.stop();
    throw e;
  }
  // Runs a previous process left waiting are sent now, in their order.
  queue.kick();
  // Several instances may share PostgreSQL: take over what a dead one leaves (peer-watch.ts).
  if (e.DATABASE_URL) onShutdown({ name: "peer watch stops", phase: "stop", run: watchPeers({ everyMs: e.JOB_LEASE_MS, tracker, queue }) });
  log("info", "runtime.ready", { upstream, upstreamRpm: e.UPSTREAM_RPM });
  // Read the catalog now, so the first page that lists models does not wait for it.
  void models.offered();
  return { db, client, tracker, queue, budget, models, upstream, baseDurationMs };
}

export function getRuntime(): Promise<Runtime> {
  const holder = globalThis as Holder;
  if (!holder[RUNTIME_KEY]) {
    holder[RUNTIME_KEY] = boot().then(
      (rt) => {
        holder[RUNTIME_BOOTED] = true;
        return rt;
      },
      (err) => {
        // Let the next request retry instead of caching a failure forever.
        delete holder[RUNTIME_KEY];
        throw err;
      },
    );
  }
  return holder[RUNTIME_KEY]!;
}
