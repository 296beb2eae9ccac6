import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { ApiEvent, ApiJob } from "@/lib/api-types";
import { RequestBudget } from "@/lib/budget/request-budget";
import type { Db } from "@/lib/db/client";
import { startEngine, type EngineHandle } from "@/lib/emulator/server";
import type { BusEvent, EventBus } from "@/lib/events/event-bus";
import { getEventBus } from "@/lib/events/process-bus";
import { novaCanvas, validateGenerationRequest } from "@/lib/models";
import { createLocalBlobStore } from "@/lib/storage";
import { emptyTables } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import { createUpstreamClient } from "@/lib/upstream/client";
import { loadApiJobs } from "./api-jobs";
import { enqueueRun } from "./enqueue-run";
import { cancelRun } from "./job-service";
import { RunQueue } from "./run-queue";
import { JobTracker } from "./tracker";

/**
 * Who publishes what, with the real run queue, tracker and offline engine on both databases:
 * admission, the queue's send, the tracker's polls and completion each publish the run as
 * GET /api/jobs/{id} shows it; waiting runs get their new place when the queue moves; cancel
 * publishes. The process bus (what enqueueRun and cancel publish to) is the one under test.
 */
const KEY = "sk-job-events-test";
const holder = vi.hoisted(() => ({ db: undefined as unknown, budget: undefined as unknown }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => holder.db,
}));
vi.mock("@/lib/jobs/runtime", () => ({ getRuntime: async () => ({ budget: holder.budget, db: holder.db }) }));

function request(prompt: string) {
  const parsed = validateGenerationRequest({ task_type: "TEXT_IMAGE", prompt, seed: 7 });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

forEachDialect("job events", (t) => {
  let engine: EngineHandle;
  let blobDir: string;
  let db: Db;

  beforeAll(async () => {
    engine = await startEngine({ port: 0, apiKey: KEY, latencyMs: { min: 300, max: 400 }, rateLimitPerMinute: 100_000 });
    blobDir = await mkdtemp(path.join(os.tmpdir(), "nova-events-blobs-"));
  });
  afterAll(async () => {
    await engine.close();
    await rm(blobDir, { recursive: true, force: true });
  });

  async function setup(perMinute: number) {
    db = t.db;
    // The budget counts the requests of the last minute: earlier tests' must not count.
    await emptyTables(db, ["jobs", "spend_ledger", "upstream_request_counts", "upstream_blocks"]);
    holder.db = db;
    const budget = new RequestBudget(db, { perMinute });
    holder.budget = budget;
    const bus: EventBus = getEventBus();
    bus.setJobLoader((ids) => loadApiJobs(db, ids, () => budget.status()));
    const received: BusEvent[] = [];
    const sub = bus.subscribe(null, (e) => received.push(e));
    const client = createUpstreamClient({ baseUrl: engine.url, apiKey: KEY, timeoutMs: 10_000, budget });
    const store = createLocalBlobStore(blobDir);
    const tracker = new JobTracker({ db, client, store, leaseMs: 5000, stuckAfterMs: 60_000, orphanAfterMs: 60_000, budget, events: bus });
    const queue = new RunQueue({
      db,
      client,
      store,
      budget,
      tracker,
      definitionOf: async (id) => (id === novaCanvas.id ? novaCanvas : undefined),
      leaseMs: 5000,
      baseDurationMs: 350,
      events: bus,
    });
    const jobsOf = (id: string) => received.flatMap((e) => (e.event.type === "job" && e.event.job.id === id ? [e.event.job] : []));
    const stop = async () => {
      sub.unsubscribe();
      await queue.stop();
      await tracker.stop();
      await bus.idle();
      // The database closes after the file: the bus (the process's) must not read it then.
      bus.setJobLoader(async () => new Map());
    };
    return { bus, received, queue, tracker, jobsOf, stop };
  }

  it("a run's life is published: waiting, sent, then completed with its images, in order and as GET shows it", async () => {
    const s = await setup(100_000);
    const { job } = await enqueueRun(db, novaCanvas, request("events lighthouse"));
    await s.bus.idle();
    expect(s.jobsOf(job.id).map((j) => j.status)).toEqual(["waiting"]);
    await s.queue.drain();
    await s.bus.idle();
    expect(s.jobsOf(job.id).at(-1)?.status).toBe("queued");
    let last: ApiJob | undefined;
    for (let i = 0; i < 200 && last?.status !== "completed"; i++) {
      await s.tracker.idle();
      await s.bus.idle();
      last = s.jobsOf(job.id).at(-1);
      if (last?.status !== "completed") await new Promise((r) => setTimeout(r, 25));
    }
    expect(last?.status).toBe("completed");
    expect(last?.images).toHaveLength(1);
    expect(last?.images[0].thumbUrl).toMatch(/^\/api\/images\/.+\/thumb$/);
    const statuses = s.jobsOf(job.id).map((j) => j.status);
    const order = ["waiting", "submitting", "queued", "processing", "completed"];
    expect(statuses.map((x) => order.indexOf(x))).toEqual([...statuses.map((x) => order.indexOf(x))].sort((a, b) => a - b));
    const ids = s.received.map((e) => Number(e.id.split("-")[1]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    await s.stop();
  });

  it("runs left waiting get their new place when the queue moves; a cancelled run is published", async () => {
    // Two submits a minute: room for one run now; the others wait.
    const s = await setup(2);
    const runs: string[] = [];
    for (const n of [1, 2, 3]) runs.push((await enqueueRun(db, novaCanvas, request(`events queue ${n}`))).job.id);
    await s.bus.idle();
    const place = (id: string) => s.jobsOf(id).at(-1)?.queue?.position;
    expect(runs.map(place)).toEqual([1, 2, 3]);
    await s.queue.drain();
    await s.bus.idle();
    // Sent: runs[0]; the two others moved up and were told.
    expect(s.jobsOf(runs[0]).at(-1)?.status).not.toBe("waiting");
    expect([place(runs[1]), place(runs[2])]).toEqual([1, 2]);
    await cancelRun(runs[1]);
    await s.bus.idle();
    expect(s.jobsOf(runs[1]).at(-1)?.status).toBe("cancelled");
    expect(place(runs[2])).toBe(1);
    const events: ApiEvent[] = s.received.map((e) => e.event);
    expect(events.every((e) => e.type === "job")).toBe(true);
    await s.stop();
  });
});
