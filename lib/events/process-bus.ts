import "server-only";
import { log } from "@/lib/log";
import { EventBus } from "./event-bus";
import { InProcessTransport } from "./transport";

/**
 * The process's one event bus, on globalThis (Next.js may load this module more than once, and
 * every copy must publish to the same subscribers). lib/jobs/runtime.ts gives it its job loader;
 * the /api/events route subscribes to it. To carry events between instances, construct it here
 * with another transport (README.md, "Between instances").
 */
const KEY = Symbol.for("nova-playground.event-bus");
type Holder = { [KEY]?: EventBus };

export function getEventBus(): EventBus {
  const holder = globalThis as Holder;
  holder[KEY] ??= new EventBus({ transport: new InProcessTransport(), log });
  return holder[KEY];
}

/** A run changed (status, progress, images, place): its `job` event follows shortly. */
export function publishJobChanged(jobId: string): void {
  getEventBus().jobChanged(jobId);
}

/**
 * A sweep's shape changed (created, a cell re-run, cancelled): clients read it again
 * (`sweep` event; the query key `queryKeys.sweeps.detail(id)`). Its cells' own changes come as
 * `job` events of their runs, so call this only for what is not a run's change.
 */
export function publishSweepChanged(sweepId: string): void {
  getEventBus().sweepChanged(sweepId);
}

/** Runs left the line or were put back: waiting runs' places are re-read (throttled). */
export function publishQueueMoved(): void {
  getEventBus().queueMoved();
}
