import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiEvent, ApiJob, JobStatus } from "@/lib/api-types";
import { EventBus, type BusEvent, type JobLoader } from "./event-bus";
import { parseEventId } from "./event-id";
import { InProcessTransport, type ChangeNotice, type EventTransport } from "./transport";

/**
 * The bus with a loader over an in-memory table of jobs (what lib/jobs gives it is tested with
 * the database in lib/jobs/job-events.test.ts). Timers are real and short; `idle()` waits for
 * the flushes, so nothing here depends on timing.
 */
function apiJob(id: string, status: JobStatus = "processing", extra: Partial<ApiJob> = {}): ApiJob {
  return {
    id,
    model: "amazon.nova-canvas-v1:0",
    taskType: "TEXT_IMAGE",
    status,
    progress: 0,
    params: {},
    prompt: "p",
    seed: 1,
    imagesRequested: 1,
    imagesReturned: null,
    imagesBlocked: 0,
    upstreamJobId: null,
    upstreamPolls: 0,
    estimatedCostUsd: 0.04,
    actualCostUsd: null,
    error: null,
    queue: null,
    createdAt: "2026-12-06T00:00:00.000Z",
    submittedAt: null,
    completedAt: null,
    failedAt: null,
    cancelledAt: null,
    sweepId: null,
    images: [],
    inputs: [],
    ...extra,
  };
}

const buses: EventBus[] = [];
afterEach(() => {
  for (const b of buses.splice(0)) b.close();
});

function setup(opts: { bufferSize?: number; bufferAgeMs?: number; transport?: EventTransport; queueRefreshMs?: number } = {}) {
  const table = new Map<string, ApiJob>();
  const loads: string[][] = [];
  let clock = 1_000_000;
  const loadJobs: JobLoader = async (ids) => {
    loads.push([...ids].sort());
    return new Map(ids.flatMap((id) => (table.has(id) ? [[id, table.get(id)!] as const] : [])));
  };
  const bus = new EventBus({
    transport: opts.transport ?? new InProcessTransport(),
    loadJobs,
    coalesceMs: 5,
    queueRefreshMs: opts.queueRefreshMs ?? 0,
    bufferSize: opts.bufferSize,
    bufferAgeMs: opts.bufferAgeMs,
    now: () => clock,
  });
  buses.push(bus);
  const received: BusEvent[] = [];
  const sub = bus.subscribe(null, (e) => received.push(e));
  return {
    bus,
    table,
    loads,
    received,
    sub,
    advance: (ms: number) => (clock += ms),
    set(job: ApiJob) {
      table.set(job.id, job);
      bus.jobChanged(job.id);
    },
  };
}

const types = (events: BusEvent[]) => events.map((e) => (e.event.type === "job" ? `job:${e.event.job.id}:${e.event.job.status}` : e.event.type));
const seqs = (events: BusEvent[]) => events.map((e) => parseEventId(e.id)!.seq);

describe("event bus", () => {
  it("publishes each change as a job event with the loaded job, with increasing ids", async () => {
    const t = setup();
    t.set(apiJob("a", "waiting"));
    await t.bus.idle();
    t.set(apiJob("a", "queued"));
    await t.bus.idle();
    t.set(apiJob("a", "completed"));
    await t.bus.idle();
    expect(types(t.received)).toEqual(["job:a:waiting", "job:a:queued", "job:a:completed"]);
    expect(seqs(t.received)).toEqual([1, 2, 3]);
    expect(t.received.every((e) => parseEventId(e.id)!.epoch === t.bus.epoch)).toBe(true);
    expect(t.bus.lastId).toBe(t.received[2].id);
    expect(t.bus.hasTimers).toBe(false);
  });

  it("coalesces a burst: many changes of many jobs → one load, one event per job", async () => {
    const t = setup();
    for (let round = 0; round < 5; round++) {
      for (const id of ["a", "b", "c"]) t.set(apiJob(id, "processing", { progress: round / 10 }));
    }
    await t.bus.idle();
    expect(t.loads).toEqual([["a", "b", "c"]]);
    expect(types(t.received)).toEqual(["job:a:processing", "job:b:processing", "job:c:processing"]);
    expect(t.received.map((e) => (e.event as Extract<ApiEvent, { type: "job" }>).job.progress)).toEqual([0.4, 0.4, 0.4]);
  });

  it("drops a change that shows nothing new, and rounds a waiting run's estimated start", async () => {
    const t = setup();
    const place = (position: number, at: string) => ({ queue: { position, estimatedStartAt: at } });
    t.set(apiJob("w", "waiting", place(3, "2026-12-06T00:00:10.000Z")));
    await t.bus.idle();
    t.set(apiJob("w", "waiting", place(3, "2026-12-06T00:00:10.400Z")));
    await t.bus.idle();
    t.set(apiJob("w", "waiting", place(2, "2026-12-06T00:00:10.400Z")));
    await t.bus.idle();
    expect(t.received.map((e) => (e.event as Extract<ApiEvent, { type: "job" }>).job.queue?.position)).toEqual([3, 2]);
  });

  it("re-reads waiting runs when the queue moves: events only for places that changed", async () => {
    const t = setup();
    for (const [id, position] of [["w1", 1], ["w2", 2], ["w3", 3]] as const) t.set(apiJob(id, "waiting", { queue: { position, estimatedStartAt: null } }));
    t.set(apiJob("done", "completed"));
    await t.bus.idle();
    t.received.length = 0;
    t.loads.length = 0;
    // w1 was sent: it changes itself; the queue moved for the others.
    t.set(apiJob("w1", "queued"));
    t.table.set("w2", apiJob("w2", "waiting", { queue: { position: 1, estimatedStartAt: null } }));
    t.bus.queueMoved();
    await t.bus.idle();
    expect(t.loads).toEqual([["w1", "w2", "w3"]]);
    expect(types(t.received)).toEqual(["job:w1:queued", "job:w2:waiting"]);
    t.loads.length = 0;
    t.bus.queueMoved();
    await t.bus.idle();
    expect(t.loads).toEqual([["w2", "w3"]]);
  });

  it("throttles queue re-reads", async () => {
    vi.useFakeTimers();
    try {
      const t = setup({ queueRefreshMs: 60_000 });
      t.set(apiJob("w", "waiting", { queue: { position: 1, estimatedStartAt: null } }));
      await vi.advanceTimersByTimeAsync(10);
      t.loads.length = 0;
      t.bus.queueMoved();
      t.bus.queueMoved();
      t.bus.queueMoved();
      // The first re-read is due at once, the next one only after the interval, however many moves.
      await vi.advanceTimersByTimeAsync(10);
      expect(t.loads).toEqual([["w"]]);
      t.advance(30_000);
      await vi.advanceTimersByTimeAsync(30_000);
      expect(t.loads).toEqual([["w"]]);
      t.advance(30_000);
      await vi.advanceTimersByTimeAsync(30_010);
      expect(t.loads).toEqual([["w"], ["w"]]);
      expect(t.bus.hasTimers).toBe(false);
      t.bus.queueMoved();
      t.bus.queueMoved();
      expect(t.bus.hasTimers).toBe(true);
      t.bus.close();
      expect(t.bus.hasTimers).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it("passes sweep changes through, after the job events of the same flush", async () => {
    const t = setup();
    t.bus.sweepChanged("s1");
    t.set(apiJob("a"));
    t.bus.sweepChanged("s1");
    await t.bus.idle();
    expect(t.received.map((e) => e.event)).toEqual([{ type: "job", job: apiJob("a") }, { type: "sweep", sweepId: "s1" }]);
  });

  it("a job removed after it was published becomes a reset (no event says 'gone')", async () => {
    const t = setup();
    t.set(apiJob("gone", "waiting"));
    await t.bus.idle();
    t.table.delete("gone");
    t.bus.jobChanged("gone");
    // Never published: nothing to take back.
    t.bus.jobChanged("never-was");
    await t.bus.idle();
    expect(types(t.received)).toEqual(["job:gone:waiting", "reset"]);
  });

  it("a loader that fails publishes a reset instead of losing the change silently", async () => {
    const t = setup();
    t.bus.setJobLoader(async () => {
      throw new Error("database down");
    });
    t.bus.jobChanged("a");
    await t.bus.idle();
    expect(types(t.received)).toEqual(["reset"]);
  });

  it("stops delivering after unsubscribe, and forgets the listener", async () => {
    const t = setup();
    t.set(apiJob("a"));
    await t.bus.idle();
    t.sub.unsubscribe();
    t.sub.unsubscribe();
    expect(t.bus.listenerCount).toBe(0);
    t.set(apiJob("a", "completed"));
    await t.bus.idle();
    expect(types(t.received)).toEqual(["job:a:processing"]);
  });

  it("a listener that throws does not stop the others", async () => {
    const t = setup();
    t.bus.subscribe(null, () => {
      throw new Error("broken client");
    });
    const other: BusEvent[] = [];
    t.bus.subscribe(null, (e) => other.push(e));
    t.set(apiJob("a"));
    await t.bus.idle();
    expect(types(other)).toEqual(["job:a:processing"]);
    expect(types(t.received)).toEqual(["job:a:processing"]);
  });
});

describe("event bus: replay with Last-Event-ID", () => {
  it("a reconnect gets exactly what it missed, in order", async () => {
    const t = setup();
    t.set(apiJob("a", "queued"));
    await t.bus.idle();
    const seen = t.received[0].id;
    t.set(apiJob("a", "processing"));
    await t.bus.idle();
    t.set(apiJob("b", "waiting"));
    await t.bus.idle();
    const again = t.bus.subscribe(seen, () => {});
    expect(types(again.replay)).toEqual(["job:a:processing", "job:b:waiting"]);
    expect(again.replay.map((e) => e.id)).toEqual(t.received.slice(1).map((e) => e.id));
    // Up to date: nothing to replay, no reset.
    expect(t.bus.subscribe(t.bus.lastId, () => {}).replay).toEqual([]);
    // A new client (no id): nothing.
    expect(t.bus.subscribe(null, () => {}).replay).toEqual([]);
  });

  it("resets when the id is older than the buffer (by count or by age)", async () => {
    const t = setup({ bufferSize: 2, bufferAgeMs: 60_000 });
    const ids: string[] = [];
    for (const status of ["waiting", "queued", "processing"] as const) {
      t.set(apiJob("a", status));
      await t.bus.idle();
      ids.push(t.bus.lastId);
    }
    // Buffered: events 2 and 3. After 2: event 3; after 1: event 2 and 3; after 0 (before event 1): lost.
    expect(types(t.bus.subscribe(ids[1], () => {}).replay)).toEqual(["job:a:processing"]);
    expect(types(t.bus.subscribe(ids[0], () => {}).replay)).toEqual(["job:a:queued", "job:a:processing"]);
    expect(t.bus.subscribe(`${t.bus.epoch}-0`, () => {}).replay).toEqual([{ id: t.bus.lastId, event: { type: "reset" } }]);
    t.advance(60_001);
    expect(types(t.bus.subscribe(ids[1], () => {}).replay)).toEqual(["reset"]);
    expect(t.bus.subscribe(ids[2], () => {}).replay).toEqual([]);
  });

  it.each([
    ["another process lifetime", "zzzzzzzz-1"],
    ["an id from the future", "FUTURE"],
    ["garbage", "'; DROP TABLE jobs; --"],
    ["a huge number", "abc-999999999999999999999"],
    ["a very long value", "x".repeat(10_000)],
    ["a negative number", "abc--1"],
  ])("resets for %s", async (_name, id) => {
    const t = setup();
    t.set(apiJob("a"));
    await t.bus.idle();
    const lastEventId = id === "FUTURE" ? `${t.bus.epoch}-99` : id;
    expect(t.bus.subscribe(lastEventId, () => {}).replay).toEqual([{ id: t.bus.lastId, event: { type: "reset" } }]);
  });

  it("nobody listening for longer than the buffer keeps: changes are not loaded, and an old id resets", async () => {
    const t = setup({ bufferAgeMs: 60_000 });
    t.set(apiJob("a", "queued"));
    await t.bus.idle();
    const seen = t.bus.lastId;
    t.sub.unsubscribe();
    // Within the buffer's age a client may come back: still loaded and kept.
    t.advance(30_000);
    t.set(apiJob("a", "processing"));
    await t.bus.idle();
    expect(t.loads).toHaveLength(2);
    t.advance(60_000);
    t.set(apiJob("a", "completed"));
    await t.bus.idle();
    expect(t.loads).toHaveLength(2);
    expect(types(t.bus.subscribe(seen, () => {}).replay)).toEqual(["reset"]);
    // A client that is told the current id resumes from there.
    const now = t.bus.lastId;
    t.set(apiJob("a", "failed"));
    await t.bus.idle();
    expect(types(t.bus.subscribe(now, () => {}).replay)).toEqual(["job:a:failed"]);
  });
});

describe("event bus: transport", () => {
  it("every bus on a shared transport publishes every notice, each with its own ids", async () => {
    // What a PostgreSQL transport will do between instances, here between two buses in one process.
    const sent: ChangeNotice[] = [];
    const shared = new InProcessTransport();
    const spy: EventTransport = { send: (n) => (sent.push(n), shared.send(n)), listen: (f) => shared.listen(f) };
    const one = setup({ transport: spy });
    const two = setup({ transport: shared });
    two.table.set("a", apiJob("a"));
    one.set(apiJob("a"));
    await one.bus.idle();
    await two.bus.idle();
    expect(sent).toEqual([{ kind: "job", jobId: "a" }]);
    expect(types(one.received)).toEqual(["job:a:processing"]);
    expect(types(two.received)).toEqual(["job:a:processing"]);
    expect(one.bus.epoch).not.toBe(two.bus.epoch);
    // An id of one instance means nothing to the other.
    expect(types(two.bus.subscribe(one.bus.lastId, () => {}).replay)).toEqual(["reset"]);
  });
});
