import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { ApiEvent } from "@/lib/api-types";
import { RequestBudget } from "@/lib/budget/request-budget";
import { cancelWaitingRuns } from "@/lib/db/job-queries";
import { getEventBus, publishJobChanged } from "@/lib/events/process-bus";
import { SseReader, type SseFrame } from "@/lib/events/sse-reader";
import { loadApiJobs } from "@/lib/jobs/api-jobs";
import { readJob } from "@/lib/jobs/job-service";
import { insertTestImages, insertTestJob, testImage } from "@/lib/testing/db-fixtures";
import { forEachDialect } from "@/lib/testing/test-databases";
import { setTestEnv } from "@/lib/testing/test-env";
import { GET } from "./route";

/**
 * GET /api/events through its real handler (the guard included), read as a browser would, on
 * both databases: a change is a `job` event equal to what GET /api/jobs/{id} answers; a
 * reconnect with Last-Event-ID gets the event it missed; any other Last-Event-ID gets `reset`,
 * never an error; a client that goes away leaves no subscriber behind.
 */
const holder = vi.hoisted(() => ({ db: undefined as unknown, budget: undefined as unknown }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => holder.db,
}));
// The route starts the runtime so the bus has its loader; here the test wires the loader itself.
vi.mock("@/lib/jobs/runtime", () => ({ getRuntime: async () => ({ budget: holder.budget }) }));

const ORIGIN = "http://127.0.0.1:3000";
const clients: AbortController[] = [];

function open(headers: Record<string, string> = {}, query = "") {
  const client = new AbortController();
  clients.push(client);
  const req = new Request(`${ORIGIN}/api/events${query}`, { headers: { host: "127.0.0.1:3000", ...headers }, signal: client.signal });
  return { client, res: GET(req, {}) };
}

const eventOf = (f: SseFrame | null): ApiEvent => JSON.parse(f!.data!) as ApiEvent;
const isData = (f: SseFrame) => f.data !== undefined;

let restoreEnv: () => void;
beforeEach(() => {
  restoreEnv = setTestEnv({ PLAYGROUND_PASSWORD: undefined, ALLOWED_HOSTS: undefined });
});
afterEach(() => {
  for (const c of clients.splice(0)) c.abort();
  restoreEnv();
});

forEachDialect("GET /api/events", (t) => {
  beforeEach(() => {
    holder.db = t.db;
    const budget = new RequestBudget(t.db, { perMinute: 50 });
    holder.budget = budget;
    getEventBus().setJobLoader((ids) => loadApiJobs(t.db, ids, () => budget.status()));
  });

  it("streams a job's change as the job GET /api/jobs/{id} returns, images and place in line included", async () => {
    const { res } = open();
    const r = await res;
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    const sse = new SseReader(r.body!);
    const done = await insertTestJob(t.db, { status: "completed", completedAt: new Date(), imagesReturned: 1, actualCostMicros: 40_000 });
    await insertTestImages(t.db, [testImage(done.id, 0)]);
    const waiting = await insertTestJob(t.db, { status: "waiting" });
    publishJobChanged(done.id);
    publishJobChanged(waiting.id);
    const first = eventOf(await sse.until(isData));
    const second = eventOf(await sse.until(isData));
    expect(first).toEqual({ type: "job", job: await readJob(done.id) });
    expect(first.type === "job" && first.job.images).toHaveLength(1);
    expect(second.type === "job" && second.job.queue?.position).toBeGreaterThanOrEqual(1);
    expect({ ...second, job: { ...(second as { job: object }).job, queue: null } }).toEqual({
      type: "job",
      job: { ...(await readJob(waiting.id)), queue: null },
    });
  });

  it("a reconnect with Last-Event-ID gets the event it missed; an unknown id gets reset", async () => {
    const job = await insertTestJob(t.db, { status: "waiting" });
    const first = open();
    const sse = new SseReader((await first.res).body!);
    publishJobChanged(job.id);
    const seen = await sse.until(isData);
    first.client.abort();
    expect(await sse.until(() => false)).toBeNull();
    await cancelWaitingRuns(t.db, new Date(), [job.id]);
    publishJobChanged(job.id);
    await getEventBus().idle();

    const again = new SseReader((await open({ "last-event-id": seen!.id! }).res).body!);
    const missed = eventOf(await again.until(isData));
    expect(missed.type === "job" && missed.job.status).toBe("cancelled");
    // A new EventSource the page opens to resume says it in the query (it cannot set headers).
    const resumed = new SseReader((await open({}, `?lastEventId=${encodeURIComponent(seen!.id!)}`).res).body!);
    const alsoMissed = eventOf(await resumed.until(isData));
    expect(alsoMissed.type === "job" && alsoMissed.job.status).toBe("cancelled");

    const stranger = new SseReader((await open({ "last-event-id": "0123abcd-5" }).res).body!);
    const reset = await stranger.until(isData);
    expect(eventOf(reset)).toEqual({ type: "reset" });
    expect(reset!.id).toBe(getEventBus().lastId);
  });

  it.each([
    ["garbage", "\u0001\u0002 not an id"],
    ["a huge number", `${"9".repeat(400)}`],
    ["an injection", "1\r\ndata: {\"type\":\"job\"}"],
  ])("a hostile Last-Event-ID (%s) gets a reset, never an error", async (_name, id) => {
    let r: Response;
    try {
      r = await open({ "last-event-id": id }).res;
    } catch {
      // The Fetch API refuses some header values itself (control characters): nothing reaches the route.
      return;
    }
    expect(r.status).toBe(200);
    expect(eventOf(await new SseReader(r.body!).until(isData))).toEqual({ type: "reset" });
  });

  it("a client that goes away leaves no subscriber", async () => {
    const bus = getEventBus();
    const before = bus.listenerCount;
    const streams = [open(), open(), open()];
    const readers = await Promise.all(streams.map(async (s) => new SseReader((await s.res).body!)));
    expect(bus.listenerCount).toBe(before + 3);
    streams[0].client.abort();
    await readers[1].cancel();
    expect(await readers[0].until(() => false)).toBeNull();
    expect(bus.listenerCount).toBe(before + 1);
    streams[2].client.abort();
    expect(bus.listenerCount).toBe(before);
  });

  it("needs a live session when the playground has a password", async () => {
    setTestEnv({ PLAYGROUND_PASSWORD: "correct horse battery staple" });
    const r = await open().res;
    expect(r.status).toBe(401);
    expect(r.headers.get("content-type")).toContain("application/json");
  });
});
