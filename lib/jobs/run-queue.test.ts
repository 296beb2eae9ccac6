import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { RequestBudget } from "@/lib/budget/request-budget";
import type { Db } from "@/lib/db/client";
import { cancelWaitingRuns, countQueue, getJob } from "@/lib/db/job-queries";
import { ledgerOfJob } from "@/lib/db/ledger-queries";
import type { JobRow } from "@/lib/db/schema";
import { startEngine, type EngineHandle } from "@/lib/emulator/server";
import type { AppError } from "@/lib/errors";
import { novaCanvas, validateGenerationRequest } from "@/lib/models";
import { getBlobStore } from "@/lib/storage";
import { emptyTables } from "@/lib/testing/db-fixtures";
import { freePort } from "@/lib/testing/free-port";
import { forEachDialect } from "@/lib/testing/test-databases";
import { createUpstreamClient } from "@/lib/upstream/client";
import { enqueueRun } from "./enqueue-run";
import { RunQueue } from "./run-queue";

/**
 * The run queue against the real offline engine and both databases: oldest first, only what the
 * request budget has room for, a 429 or an unreachable gateway puts the run back in line, a
 * refusal fails it with the gateway's reason and frees its hold, a cancelled run is never sent.
 * What the engine was sent is counted by a wrapper around the real client.
 */
const KEY = "sk-run-queue-test";
const T0 = Date.now();

forEachDialect("run queue", (t) => {
  let engine: EngineHandle;
  let db: Db;
  const queues: RunQueue[] = [];

  beforeAll(async () => {
    engine = await startEngine({ port: 0, apiKey: KEY, latencyMs: { min: 50, max: 100 }, rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await engine.close();
  });
  beforeEach(async () => {
    db = t.db;
    await emptyTables(db, ["jobs", "spend_ledger", "upstream_request_counts", "upstream_blocks"]);
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop();
  });

  function setup(opts: { perMinute?: number; faults?: string; baseUrl?: string; now?: () => Date } = {}) {
    const budget = new RequestBudget(db, { perMinute: opts.perMinute ?? 100_000, now: opts.now });
    const real = createUpstreamClient({
      baseUrl: opts.baseUrl ?? engine.url,
      apiKey: KEY,
      timeoutMs: 10_000,
      budget,
      headers: opts.faults ? { "x-engine-faults": opts.faults } : {},
    });
    // Every submit that reached the client (and so, unless refused on the way, the engine).
    const sent: string[] = [];
    const woken: Date[] = [];
    const refusedModels: [string, AppError][] = [];
    const queue = new RunQueue({
      db,
      client: {
        submit: (payload, call) => {
          sent.push(String(payload.prompt));
          return real.submit(payload, call);
        },
      },
      store: getBlobStore(),
      budget,
      tracker: { wakeBy: (at) => woken.push(at) },
      definitionOf: async (id) => (id === novaCanvas.id ? novaCanvas : undefined),
      onModelRefused: (id, error) => refusedModels.push([id, error]),
      leaseMs: 5000,
      baseDurationMs: 100,
      now: opts.now,
    });
    queues.push(queue);
    return { queue, budget, sent, woken, refusedModels };
  }

  /** A run queued `secondsAgo` before T0, with the prompt "run <name>". */
  /** A text-to-image request with the prompt "run <name>". */
  function textRequest(name: string) {
    const parsed = validateGenerationRequest({ task_type: "TEXT_IMAGE", prompt: `run ${name}`, seed: 1 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  }

  async function queueRun(name: string, secondsAgo = 0): Promise<JobRow> {
    return (await enqueueRun(db, novaCanvas, textRequest(name), { now: new Date(T0 - secondsAgo * 1000) })).job;
  }

  /** A run admitted now with the queue's offer to send it from its own request (sendNowOffer). */
  function admitWithOffer(queue: RunQueue, name: string) {
    return enqueueRun(db, novaCanvas, textRequest(name), { sendNow: queue.sendNowOffer() });
  }

  const statusOf = async (job: JobRow) => (await getJob(db, job.id))?.status;
  const ledgerKinds = async (job: JobRow) => (await ledgerOfJob(db, job.id)).map((r) => [r.kind, r.amountMicros]);

  it("sends every waiting run once, oldest first, hands each to the tracker, and leaves no timer", async () => {
    // Queued newest first, so the order sent is the time order, not the insert order.
    const runs: JobRow[] = [];
    for (let i = 0; i < 12; i++) runs.push(await queueRun(String(i), i));
    const { queue, sent, woken } = setup();
    await queue.drain();

    // Ten per budget decision: the ten oldest first, then the two newest.
    expect(new Set(sent.slice(0, 10))).toEqual(new Set(["run 11", "run 10", "run 9", "run 8", "run 7", "run 6", "run 5", "run 4", "run 3", "run 2"]));
    expect(new Set(sent.slice(10))).toEqual(new Set(["run 1", "run 0"]));
    for (const run of runs) {
      const job = await getJob(db, run.id);
      expect(job).toMatchObject({ status: "queued", leaseOwner: null });
      expect(job?.upstreamJobId).toMatch(/^job_/);
      expect(job?.nextPollAt).toBeInstanceOf(Date);
    }
    expect(woken).toHaveLength(12);
    expect(await countQueue(db)).toEqual({ waiting: 0, inFlight: 12 });
    expect(queue.hasTimer).toBe(false);
    // Sending changes no money: the holds stay until the runs end.
    expect(await ledgerKinds(runs[0])).toEqual([["reserve", 120_000]]);

    // Nothing waits: another drain sends nothing and sets no timer.
    await queue.drain();
    expect(sent).toHaveLength(12);
    expect(queue.hasTimer).toBe(false);
  });

  it("with 4 requests a minute sends only the two oldest, keeps the rest waiting, and sets a timer", async () => {
    const runs: JobRow[] = [];
    for (let i = 0; i < 5; i++) runs.push(await queueRun(String(i), 10 - i));
    const { queue, sent, budget } = setup({ perMinute: 4 });
    await queue.drain();
    // 4 free: a submit takes half, leaving a poll for each run it sends.
    expect(new Set(sent)).toEqual(new Set(["run 0", "run 1"]));
    expect(await Promise.all(runs.map(statusOf))).toEqual(["queued", "queued", "waiting", "waiting", "waiting"]);
    expect(queue.hasTimer).toBe(true);
    expect(await budget.status()).toMatchObject({ usedLastMinute: 2, left: 2 });

    // The two left are the polls' of the runs in flight: a second pass sends nothing more.
    await queue.drain();
    expect(sent).toHaveLength(2);
    expect(await countQueue(db)).toEqual({ waiting: 3, inFlight: 2 });
    expect(queue.hasTimer).toBe(true);
    await queue.stop();
    expect(queue.hasTimer).toBe(false);
  });

  it("puts a run the engine answered 429 back in line, keeps its hold, and blocks the budget until Retry-After", async () => {
    const run = await queueRun("limited");
    const { queue, sent, budget } = setup({ faults: "submit429=1;retry_after=30" });
    const before = Date.now();
    await queue.drain();
    expect(sent).toEqual(["run limited"]);
    expect(await getJob(db, run.id)).toMatchObject({ status: "waiting", leaseOwner: null, upstreamJobId: null });
    expect(await ledgerKinds(run)).toEqual([["reserve", 120_000]]);
    const { blockedUntil, left } = await budget.status();
    expect(left).toBe(0);
    expect(blockedUntil!.getTime()).toBeGreaterThanOrEqual(before + 30_000);
    expect(queue.hasTimer).toBe(true);

    // While blocked, nothing is sent.
    await queue.drain();
    expect(sent).toHaveLength(1);
    expect(await statusOf(run)).toBe("waiting");
  });

  it("puts a run back while the gateway cannot be reached, and fails it after the fourth try, releasing its hold", async () => {
    const run = await queueRun("unreachable");
    let clock = Date.now();
    const { queue, sent } = setup({ baseUrl: `http://127.0.0.1:${await freePort()}`, now: () => new Date(clock) });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await queue.drain();
      expect(sent).toHaveLength(attempt);
      expect(await statusOf(run)).toBe("waiting");
      // Another kick before the back-off ends (a new run, a poll pass) sends nothing.
      await queue.drain();
      expect(sent).toHaveLength(attempt);
      clock += 60_000;
    }
    await queue.drain();
    expect(await getJob(db, run.id)).toMatchObject({ status: "failed", errorCode: "upstream_unavailable" });
    expect(await ledgerKinds(run)).toEqual([
      ["reserve", 120_000],
      ["release", 0],
    ]);
  });

  it("fails a run the gateway refused with its reason, releases its hold, and reports a retired model", async () => {
    const run = await queueRun("retired");
    const { queue, refusedModels } = setup({ faults: `retire=${novaCanvas.id}@2026-01-31` });
    await queue.drain();
    const job = await getJob(db, run.id);
    expect(job).toMatchObject({ status: "failed", errorCode: "model_unavailable" });
    expect(job?.errorMessage).toBe(`The model ${novaCanvas.id} was retired on 2026-01-31 and no longer accepts jobs`);
    expect(await ledgerKinds(run)).toEqual([
      ["reserve", 120_000],
      ["release", 0],
    ]);
    expect(refusedModels.map(([id, e]) => [id, e.code])).toEqual([[novaCanvas.id, "model_unavailable"]]);
    expect(queue.hasTimer).toBe(false);
  });

  it("hands the gateway's refusal of a watched run to whoever waits for it, once (the answer to Run)", async () => {
    const watched = await queueRun("watched", 2);
    const other = await queueRun("not watched", 1);
    const { queue } = setup({ faults: `retire=${novaCanvas.id}@2026-01-31` });
    queue.watch(watched.id);
    await queue.drain();
    const refusal = queue.refusalOf(watched.id);
    expect(refusal).toMatchObject({ code: "model_unavailable", status: 422 });
    expect(queue.refusalOf(watched.id)).toBeUndefined();
    // Nobody waits for the other run: its refusal is kept only as its failure.
    expect(queue.refusalOf(other.id)).toBeUndefined();
    expect(await statusOf(other)).toBe("failed");
  });

  it("fails a run refused for credits (released) and one whose outcome is unknown (settled at its estimate)", async () => {
    const broke = await queueRun("no credits", 2);
    const { queue: q1 } = setup({ faults: "submit402=1;tag=credits" });
    await q1.drain();
    expect(await getJob(db, broke.id)).toMatchObject({ status: "failed", errorCode: "insufficient_credits", errorMessage: "The gateway account has no credits left." });
    expect(await ledgerKinds(broke)).toEqual([
      ["reserve", 120_000],
      ["release", 0],
    ]);

    const unknown = await queueRun("server error", 1);
    const { queue: q2, sent } = setup({ faults: "submit500=1;tag=unknown" });
    await q2.drain();
    const job = await getJob(db, unknown.id);
    expect(job).toMatchObject({ status: "failed", errorCode: "outcome_unknown" });
    expect(job?.errorMessage).toMatch(/not resent to avoid paying twice/);
    expect(await ledgerKinds(unknown)).toEqual([
      ["reserve", 120_000],
      ["settle", 120_000],
    ]);
    // Never sent again.
    await q2.drain();
    expect(sent).toEqual(["run server error"]);
  });

  it("never sends a run cancelled while it waited", async () => {
    const first = await queueRun("first", 3);
    const cancelled = await queueRun("cancelled", 2);
    const last = await queueRun("last", 1);
    await cancelWaitingRuns(db, new Date(T0), [cancelled.id]);
    const { queue, sent } = setup();
    await queue.drain();
    expect(new Set(sent)).toEqual(new Set(["run first", "run last"]));
    expect(await Promise.all([first, cancelled, last].map(statusOf))).toEqual(["queued", "cancelled", "queued"]);
    expect(await ledgerKinds(cancelled)).toEqual([
      ["reserve", 120_000],
      ["release", 0],
    ]);
  });

  it("drain resolves at once with nothing to send, and after stop", async () => {
    const { queue, sent } = setup();
    await queue.drain();
    expect(queue.hasTimer).toBe(false);
    await queue.stop();
    await queueRun("after stop");
    await queue.drain();
    expect(sent).toEqual([]);
  });

  it("a run nobody waits ahead of is claimed at admission and sent by its own request: one request, counted from its answer", async () => {
    const { queue, sent, woken, budget } = setup();
    const admitted = await admitWithOffer(queue, "at once");
    expect(admitted.taken).toMatchObject({ granted: 1 });
    expect(admitted.job).toMatchObject({ status: "submitting", leaseOwner: queue.owner });
    expect(admitted.job.leaseUntil!.getTime()).toBe(admitted.job.createdAt.getTime() + 5000);
    const result = await queue.sendAdmitted(admitted.job, admitted.taken!);
    expect(result.kind).toBe("accepted");
    const job = result.kind === "accepted" ? result.job : undefined;
    expect(job).toMatchObject({ id: admitted.job.id, status: "queued", leaseOwner: null });
    expect(job?.upstreamJobId).toMatch(/^job_/);
    expect(await getJob(db, admitted.job.id)).toEqual(job);
    expect(sent).toEqual(["run at once"]);
    expect(woken).toHaveLength(1);
    // One request, re-stamped with its answer's time (after the take: the engine takes 50-100 ms).
    const state = await budget.status();
    expect(state.usedLastMinute).toBe(1);
    expect(job!.submittedAt!.getTime()).toBeGreaterThan(admitted.taken!.at.getTime());
    expect(await ledgerKinds(admitted.job)).toEqual([["reserve", 120_000]]);
    // No pass ran and none is due: nothing else was sent and no timer is left.
    await queue.drain();
    expect(sent).toHaveLength(1);
    expect(queue.hasTimer).toBe(false);
  });

  it("a new run goes behind the runs already waiting: admission does not claim it and the queue sends the oldest first", async () => {
    const { queue, sent, budget } = setup({ perMinute: 4 });
    const older = await queueRun("older", 5);
    const admitted = await admitWithOffer(queue, "newer");
    expect(admitted.taken).toBeUndefined();
    expect(admitted.job.status).toBe("waiting");
    expect(await budget.status()).toMatchObject({ usedLastMinute: 0 });
    // 4 a minute: a submit takes half of the room, so one pass sends the older, then the newer.
    await queue.drain();
    expect(sent).toEqual(["run older", "run newer"]);
    expect(await Promise.all([older, admitted.job].map(statusOf))).toEqual(["queued", "queued"]);
  });

  it("hands back the gateway's refusal of a run sent by its own request; a 429 puts it in line and stops the offers", async () => {
    const { queue: refusing } = setup({ faults: `retire=${novaCanvas.id}@2026-01-31` });
    const refused = await admitWithOffer(refusing, "retired");
    const answer = await refusing.sendAdmitted(refused.job, refused.taken!);
    expect(answer).toMatchObject({ kind: "refused", error: { code: "model_unavailable", status: 422 } });
    expect(await getJob(db, refused.job.id)).toMatchObject({ status: "failed", errorCode: "model_unavailable" });

    const { queue: limited, sent } = setup({ faults: `submit429=1;retry_after=30;tag=own-request-${crypto.randomUUID()}` });
    const run = await admitWithOffer(limited, "limited");
    expect(await limited.sendAdmitted(run.job, run.taken!)).toEqual({ kind: "other" });
    expect(sent).toEqual(["run limited"]);
    expect(await getJob(db, run.job.id)).toMatchObject({ status: "waiting", leaseOwner: null, upstreamJobId: null });
    // Paused until Retry-After: the next run is not offered the shortcut; it waits in line.
    expect(limited.sendNowOffer()).toBeUndefined();
    // The send kicked the first housekeeping pass, which sets the timer for the pause's end again.
    await limited.idle();
    expect(limited.hasTimer).toBe(true);
  });

  it("stop waits for the answer of a run its request is sending, and offers nothing after", async () => {
    const { queue, sent } = setup();
    const admitted = await admitWithOffer(queue, "in flight");
    const sending = queue.sendAdmitted(admitted.job, admitted.taken!);
    await queue.stop();
    // The engine answers in 50-100 ms: stop resolved only once the run was recorded as accepted.
    expect(await statusOf(admitted.job)).toBe("queued");
    expect((await sending).kind).toBe("accepted");
    expect(queue.sendNowOffer()).toBeUndefined();
    expect(sent).toEqual(["run in flight"]);
  });
});
