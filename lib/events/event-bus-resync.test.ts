import { afterEach, describe, expect, it } from "vitest";
import type { ApiJob } from "@/lib/api-types";
import { EventBus, type BusEvent } from "./event-bus";
import { InProcessTransport } from "./transport";

/**
 * What the bus does when its transport says notices may have been lost (`resync`, after the
 * PostgreSQL transport listens again): one `reset`, after whatever was being loaded, or nothing
 * at all while nobody listens. The transport itself is tested in pg-transport.test.ts.
 */
class ResyncingTransport extends InProcessTransport {
  resync(): void {
    for (const listener of this.listeners) listener({ kind: "resync" });
  }
}

const buses: EventBus[] = [];
afterEach(() => {
  for (const b of buses.splice(0)) b.close();
});

function setup() {
  const transport = new ResyncingTransport();
  let release: () => void = () => {};
  let held = false;
  const bus = new EventBus({
    transport,
    coalesceMs: 1,
    // Holds the load while `held`, to see what a resync during a flush does.
    loadJobs: async (ids) => {
      if (held) await new Promise<void>((resolve) => (release = resolve));
      return new Map(ids.map((id) => [id, { id, status: "processing" } as ApiJob]));
    },
  });
  buses.push(bus);
  return { bus, transport, hold: () => (held = true), release: () => ((held = false), release()) };
}

const types = (events: BusEvent[]) => events.map((e) => (e.event.type === "job" ? `job:${e.event.job.id}` : e.event.type));

describe("event bus: resync", () => {
  it("publishes one reset, after the events loaded before it", async () => {
    const t = setup();
    const seen: BusEvent[] = [];
    t.bus.subscribe(null, (e) => seen.push(e));
    t.hold();
    t.bus.jobChanged("a");
    // Flush the change until its load is under way, held there.
    const flushed = t.bus.idle();
    await null;
    t.transport.resync();
    t.transport.resync();
    t.release();
    await flushed;
    await t.bus.idle();
    expect(types(seen)).toEqual(["job:a", "reset"]);
    expect(t.bus.hasTimers).toBe(false);
  });

  it("with nobody listening, publishes nothing, and a client back with an older id is told reset", async () => {
    const t = setup();
    const before = t.bus.lastId;
    t.transport.resync();
    await t.bus.idle();
    const seen: BusEvent[] = [];
    expect(types(t.bus.subscribe(null, (e) => seen.push(e)).replay)).toEqual([]);
    expect(types(t.bus.subscribe(before, () => {}).replay)).toEqual(["reset"]);
    expect(seen).toEqual([]);
  });
});
