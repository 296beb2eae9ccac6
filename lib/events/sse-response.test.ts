import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiJob } from "@/lib/api-types";
import { EventBus } from "./event-bus";
import { SseReader } from "./sse-reader";
import { eventStreamResponse } from "./sse-response";
import { InProcessTransport } from "./transport";
import { ShutdownSequence, type ShutdownStep } from "@/lib/lifecycle/shutdown";

/** The stream of one client over a bus whose loader invents jobs: format, heartbeat, and everything let go at the end. */
const buses: EventBus[] = [];
afterEach(() => {
  for (const b of buses.splice(0)) b.close();
  vi.restoreAllMocks();
});

function bus(): EventBus {
  const b = new EventBus({
    transport: new InProcessTransport(),
    coalesceMs: 1,
    loadJobs: async (ids) => new Map(ids.map((id) => [id, { id, status: "processing" } as ApiJob])),
  });
  buses.push(b);
  return b;
}

describe("event stream response", () => {
  it("sends the headers that keep proxies from buffering, a retry hint, the current id, then events", async () => {
    const b = bus();
    const res = eventStreamResponse(b, { lastEventId: null, signal: new AbortController().signal });
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const sse = new SseReader(res.body!);
    expect(await sse.next()).toEqual({ retry: 3000 });
    expect(await sse.next()).toEqual({ id: b.lastId });
    b.jobChanged("j1");
    const frame = await sse.next();
    expect(frame?.id).toBe(b.lastId);
    expect(JSON.parse(frame!.data!)).toEqual({ type: "job", job: { id: "j1", status: "processing" } });
    await sse.cancel();
  });

  it("sends a comment every heartbeat, and ends the stream when the session is gone", async () => {
    const b = bus();
    let allowed = true;
    const res = eventStreamResponse(b, { lastEventId: null, signal: new AbortController().signal, heartbeatMs: 10, stillAllowed: async () => allowed });
    const sse = new SseReader(res.body!);
    expect(await sse.until((f) => f.comment !== undefined)).toEqual({ comment: "keep-alive" });
    expect(b.listenerCount).toBe(1);
    allowed = false;
    expect(await sse.until(() => false)).toBeNull();
    expect(b.listenerCount).toBe(0);
  });

  it.each(["abort", "cancel"])("lets go of its subscription and its timer when the client goes away (%s)", async (how) => {
    const b = bus();
    const set = vi.spyOn(globalThis, "setInterval");
    const clear = vi.spyOn(globalThis, "clearInterval");
    const client = new AbortController();
    const res = eventStreamResponse(b, { lastEventId: null, signal: client.signal });
    const sse = new SseReader(res.body!);
    await sse.next();
    expect(b.listenerCount).toBe(1);
    expect(set).toHaveBeenCalledTimes(1);
    const timer = set.mock.results[0].value;
    if (how === "abort") {
      client.abort();
      expect(await sse.until(() => false)).toBeNull();
    } else {
      await sse.cancel();
    }
    expect(b.listenerCount).toBe(0);
    expect(clear).toHaveBeenCalledWith(timer);
  });

  it("a request already aborted subscribes to nothing", async () => {
    const b = bus();
    const client = new AbortController();
    client.abort();
    const res = eventStreamResponse(b, { lastEventId: null, signal: client.signal });
    expect(await new SseReader(res.body!).next()).toBeNull();
    expect(b.listenerCount).toBe(0);
  });

  it("cuts off a client that stops reading (it comes back with Last-Event-ID)", async () => {
    const b = bus();
    const res = eventStreamResponse(b, { lastEventId: null, signal: new AbortController().signal, maxBacklog: 4 });
    for (let i = 0; i < 30 && b.listenerCount > 0; i++) {
      b.jobChanged(`j${i}`);
      await b.idle();
    }
    expect(b.listenerCount).toBe(0);
    // What it had queued is still readable, then the end.
    const sse = new SseReader(res.body!);
    let frames = 0;
    while ((await sse.next()) !== null) frames += 1;
    expect(frames).toBeGreaterThan(2);
  });

  it("ends with a reconnect hint when the process shuts down: a short retry, then a named event the page's onmessage ignores", async () => {
    const b = bus();
    const shutdown = new ShutdownSequence();
    const res = eventStreamResponse(b, { lastEventId: null, signal: new AbortController().signal, shutdown, reconnectMs: 500 });
    const sse = new SseReader(res.body!);
    expect(await sse.next()).toEqual({ retry: 3000 });
    expect(await sse.next()).toEqual({ id: b.lastId });
    expect(b.listenerCount).toBe(1);
    const report = await shutdown.run("SIGTERM");
    expect(report.unfinished).toEqual([]);
    expect(await sse.next()).toEqual({ retry: 500 });
    expect(await sse.next()).toEqual({ event: "reconnect", data: '{"reason":"shutting_down"}' });
    expect(await sse.next()).toBeNull();
    expect(b.listenerCount).toBe(0);
  });

  it("a stream that ends by itself takes its step back; one opened while the process shuts down gets the hint at once", async () => {
    const b = bus();
    const steps = new Set<ShutdownStep>();
    const tracking = { started: false, register: (step: ShutdownStep) => (steps.add(step), () => void steps.delete(step)) };
    const gone = new AbortController();
    const early = eventStreamResponse(b, { lastEventId: null, signal: gone.signal, shutdown: tracking });
    await new SseReader(early.body!).next();
    expect(steps.size).toBe(1);
    gone.abort();
    expect(steps.size).toBe(0);

    tracking.started = true;
    const late = eventStreamResponse(b, { lastEventId: null, signal: new AbortController().signal, shutdown: tracking, reconnectMs: 250 });
    const sse = new SseReader(late.body!);
    expect(await sse.next()).toEqual({ retry: 250 });
    expect((await sse.next())?.event).toBe("reconnect");
    expect(await sse.next()).toBeNull();
    expect(steps.size).toBe(0);
    expect(b.listenerCount).toBe(0);
  });
});
