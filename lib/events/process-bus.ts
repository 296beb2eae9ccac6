import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { EventBus } from "./event-bus";
import { PgTransport } from "./pg-transport";
import { InProcessTransport } from "./transport";

/**
 * The process's one event bus, on globalThis (Next.js may load this module more than once, and
 * every copy must publish to the same subscribers). lib/jobs/runtime.ts gives it its job loader;
 * the /api/events route subscribes to it. With DATABASE_URL, notices travel between every
 * instance on that database by LISTEN/NOTIFY; PGlite is one process, whose bus is the only one
 * (README.md, "Between instances").
 */
const KEY = Symbol.for("nova-playground.event-bus");
type Held = { bus: EventBus; transport: InProcessTransport | PgTransport };
type Holder = { [KEY]?: Held };

function held(): Held {
  const holder = globalThis as Holder;
  holder[KEY] ??= (() => {
    const databaseUrl = env().DATABASE_URL;
    const transport = databaseUrl ? new PgTransport({ databaseUrl, log }) : new InProcessTransport();
    return { bus: new EventBus({ transport, log }), transport };
  })();
  return holder[KEY];
}

export function getEventBus(): EventBus {
  return held().bus;
}

/**
 * Shutdown: the bus stops publishing and the transport closes its connections, after the notices
 * already sent went out. Both stay in place, so a writer that publishes later does nothing
 * (rather than opening new connections). The open streams are the caller's to end first. The
 * runtime makes the bus at start-up; when there is none, there is nothing to close.
 */
export async function closeEventBus(): Promise<void> {
  const current = (globalThis as Holder)[KEY];
  current?.bus.close();
  await current?.transport.close();
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
