import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJob, getJobImages } from "@/lib/db/job-queries";
import type { Db } from "@/lib/db/client";
import { startEngine, type EngineHandle } from "@/lib/emulator/server";
import { novaCanvas, validateGenerationRequest, type GenerationRequest } from "@/lib/models";
import { createLocalBlobStore } from "@/lib/storage";
import { dialects, type TestDatabase } from "@/lib/testing/test-databases";
import { createUpstreamClient } from "@/lib/upstream/client";
import { submitRun, type SubmitRuntime } from "@/lib/testing/submit-run";
import { JobTracker } from "./tracker";

/**
 * The tracker against the real offline engine and a real database (PGlite and PostgreSQL):
 * jobs run to the end, failures keep their reason, a second tracker resumes a dead one's job,
 * and images land exactly once.
 */
const KEY = "sk-tracker-test";

function request(extra: Record<string, unknown> = {}): GenerationRequest {
  const parsed = validateGenerationRequest({ task_type: "TEXT_IMAGE", prompt: "a red lighthouse at dusk", seed: 42, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(dialects)("job tracker ($dialect)", ({ create }) => {
  let engine: EngineHandle;
  let database: TestDatabase;
  let db: Db;
  let blobDir: string;
  const trackers: JobTracker[] = [];

  beforeAll(async () => {
    engine = await startEngine({ port: 0, apiKey: KEY, latencyMs: { min: 300, max: 400 }, rateLimitPerMinute: 100_000 });
    database = await create();
    db = database.db;
    blobDir = await mkdtemp(path.join(os.tmpdir(), "nova-blobs-"));
  });

  afterAll(async () => {
    for (const t of trackers) await t.stop();
    await engine.close();
    await database.close();
    await rm(blobDir, { recursive: true, force: true });
  });

  function runtime(opts: { faults?: string; leaseMs?: number; stuckAfterMs?: number; owner?: string } = {}): SubmitRuntime & { tracker: JobTracker } {
    const client = createUpstreamClient({
      baseUrl: engine.url,
      apiKey: KEY,
      timeoutMs: 10_000,
      headers: opts.faults ? { "x-engine-faults": opts.faults } : {},
      backoff: { baseMs: 20, maxMs: 100 },
    });
    const tracker = new JobTracker({
      db,
      client,
      store: createLocalBlobStore(blobDir),
      leaseMs: opts.leaseMs ?? 5000,
      stuckAfterMs: opts.stuckAfterMs ?? 60_000,
      orphanAfterMs: 60_000,
      owner: opts.owner,
    });
    trackers.push(tracker);
    return { db, client, tracker, baseDurationMs: 350 };
  }

  async function finished(id: string) {
    return waitFor(async () => {
      const job = await getJob(db, id);
      return job && (job.status === "completed" || job.status === "failed") ? job : undefined;
    });
  }

  it("runs a job to completion, stores each image once with its cost, and leaves no timer", async () => {
    const rt = runtime();
    const submitted = await submitRun(rt, novaCanvas, request({ number_of_images: 2 }));
    expect(submitted.status).toBe("queued");
    expect(submitted.upstreamJobId).toBeTruthy();
    const job = await finished(submitted.id);
    expect(job.status).toBe("completed");
    const images = await getJobImages(db, job.id);
    expect(images.map((i) => [i.index, i.width, i.height, i.costMicros, i.seed])).toEqual([
      [0, 1024, 1024, 120_000, 42],
      [1, 1024, 1024, 120_000, 42],
    ]);
    expect(job.actualCostMicros).toBe(240_000);
    expect(job.estimatedCostMicros).toBe(240_000);
    expect(job.imagesReturned).toBe(2);
    // Budget: polls ≤ duration / 2 s + 2 (a sub-second job: at most 2).
    expect(job.pollCount).toBeLessThanOrEqual(2);
    const stored = await createLocalBlobStore(blobDir).get(images[0].blobKey);
    expect(stored?.subarray(1, 4).toString()).toBe("PNG");
    await rt.tracker.idle();
    expect(rt.tracker.hasTimer).toBe(false);
  });

  it("keeps the upstream's message when a job fails", async () => {
    const rt = runtime({ faults: "fail=The model could not draw this" });
    const job = await finished((await submitRun(rt, novaCanvas, request())).id);
    expect(job.status).toBe("failed");
    expect(job.errorMessage).toBe("The model could not draw this");
    expect(await getJobImages(db, job.id)).toHaveLength(0);
  });

  it("records images blocked by the content filter and charges only the returned ones", async () => {
    const rt = runtime({ faults: "block=2" });
    const job = await finished((await submitRun(rt, novaCanvas, request({ number_of_images: 3 }))).id);
    expect(job.status).toBe("completed");
    expect(job.imagesReturned).toBe(1);
    expect(job.imagesBlocked).toBe(2);
    expect(job.actualCostMicros).toBe(120_000);
    expect(await getJobImages(db, job.id)).toHaveLength(1);
  });

  it("rides out a burst of 429s on its polls", async () => {
    const rt = runtime({ faults: "poll429=3;retry_after=1" });
    const job = await finished((await submitRun(rt, novaCanvas, request())).id);
    expect(job.status).toBe("completed");
    expect(await getJobImages(db, job.id)).toHaveLength(1);
  });

  it("fails clearly when the outputs expired before they could be copied", async () => {
    const rt = runtime({ faults: "expire" });
    const job = await finished((await submitRun(rt, novaCanvas, request())).id);
    expect(job.status).toBe("failed");
    expect(job.errorCode).toBe("outputs_expired");
    expect(job.errorMessage).toMatch(/expired before it could be copied/);
  });

  it("gives up on a job stuck past the limit", async () => {
    const rt = runtime({ faults: "latency=20000", stuckAfterMs: 1500 });
    const job = await finished((await submitRun(rt, novaCanvas, request())).id);
    expect(job.status).toBe("failed");
    expect(job.errorCode).toBe("stuck");
    expect(job.errorMessage).toMatch(/did not finish this job within/);
  });

  it("marks a submit cut short by a crash as outcome unknown instead of resending it", async () => {
    const { insertJob } = await import("@/lib/db/job-queries");
    const orphan = await insertJob(db, {
      model: novaCanvas.id,
      taskType: "TEXT_IMAGE",
      status: "submitting",
      params: { task_type: "TEXT_IMAGE", prompt: "lost" },
      imagesRequested: 1,
      estimatedCostMicros: 120_000,
      createdAt: new Date(Date.now() - 120_000),
      updatedAt: new Date(Date.now() - 120_000),
    });
    const rt = runtime();
    await rt.tracker.start();
    const job = await getJob(db, orphan.id);
    expect(job?.status).toBe("failed");
    expect(job?.errorCode).toBe("outcome_unknown");
    expect(job?.errorMessage).toMatch(/not resent/);
  });

  it("resumes a job whose tracker died holding its lease, and stores its images exactly once", async () => {
    const dead = runtime({ leaseMs: 800, owner: "dead-instance" });
    const submitted = await submitRun(dead, novaCanvas, request({ number_of_images: 2, seed: 7 }));
    // The first instance dies before it ever polls (its lease is taken and never released).
    await dead.tracker.stop();
    const { claimDueJobs } = await import("@/lib/db/job-queries");
    await waitFor(async () => ((await claimDueJobs(db, "dead-instance", new Date(), 800, 16)).some((j) => j.id === submitted.id) ? true : undefined));

    const successor = runtime({ leaseMs: 800, owner: "successor" });
    await successor.tracker.start();
    const job = await finished(submitted.id);
    expect(job.status).toBe("completed");
    // Running the successor's loop again must not add rows.
    successor.tracker.kick();
    await successor.tracker.idle();
    const images = await getJobImages(db, job.id);
    expect(images.map((i) => i.index)).toEqual([0, 1]);
  });
});
