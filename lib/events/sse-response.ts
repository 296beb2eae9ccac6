import "server-only";
import { processShutdown, type ShutdownSequence } from "@/lib/lifecycle/shutdown";
import type { BusEvent, EventBus } from "./event-bus";

/**
 * One client's server-sent events stream: the events it missed (or `reset`), then live ones, a
 * comment every `heartbeatMs` so proxies and the browser see a live connection, and a `retry:`
 * hint for the browser's reconnects. Everything it holds (its subscription, its timer) is let go
 * when the client goes away (the request's signal, or the body being cancelled), when the
 * session ends (`stillAllowed`, checked at each heartbeat), or when the client stops reading.
 *
 * When the process stops (lib/lifecycle/shutdown.ts, phase "stop") the stream ends with a
 * reconnect hint: a short `retry:` and a last, named `reconnect` event (a page's `onmessage`
 * does not see named events). The browser's EventSource then reconnects by itself within about
 * a second, with its Last-Event-ID, and a load balancer sends it to an instance still serving.
 */
export interface EventStreamOptions {
  /** The client's Last-Event-ID header, as sent (any string). */
  lastEventId: string | null;
  signal: AbortSignal;
  heartbeatMs?: number;
  retryMs?: number;
  /** Checked at each heartbeat: false (signed out) ends the stream. */
  stillAllowed?: () => Promise<boolean>;
  /** Chunks a client may leave unread before it is cut off (it reconnects with Last-Event-ID). */
  maxBacklog?: number;
  /** Ends the stream with a reconnect hint when it runs (default: the process's). */
  shutdown?: Pick<ShutdownSequence, "register" | "started">;
  /** The `retry:` sent then (ms); default 250–1000, spread so that a fleet's tabs do not reconnect at once. */
  reconnectMs?: number;
}

export const EVENT_STREAM_HEADERS: Record<string, string> = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: no proxy (nor Next's compression) may buffer the stream to compress it.
  "cache-control": "no-cache, no-transform",
  // nginx buffers proxied responses unless told not to.
  "x-accel-buffering": "no",
};

export function formatEvent({ id, event }: BusEvent): string {
  // JSON.stringify escapes line breaks, so the data is always one `data:` line.
  return `id: ${id}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** The last thing a stream says when its server stops: come back soon (to another instance). */
export function reconnectHint(retryMs: number): string {
  return `retry: ${retryMs}\n\nevent: reconnect\ndata: {"reason":"shutting_down"}\n\n`;
}

export function eventStreamResponse(bus: EventBus, opts: EventStreamOptions): Response {
  const encoder = new TextEncoder();
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const maxBacklog = opts.maxBacklog ?? 256;
  const reconnectMs = () => opts.reconnectMs ?? 250 + Math.floor(Math.random() * 750);
  let cleanup = () => {};

  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (opts.signal.aborted) return controller.close();
        const shutdown = opts.shutdown ?? processShutdown();
        if (shutdown.started) {
          // A request that slipped in while the process stops: straight to another instance.
          controller.enqueue(encoder.encode(reconnectHint(reconnectMs())));
          return controller.close();
        }
        let ended = false;
        // Declared before anything can end the stream, so end() always finds them.
        const heartbeat = setInterval(() => {
          void (async () => {
            if (opts.stillAllowed && !(await opts.stillAllowed().catch(() => false))) return end();
            write(": keep-alive\n\n");
          })();
        }, heartbeatMs);
        heartbeat.unref?.();
        const subscription = bus.subscribe(opts.lastEventId, (e) => write(formatEvent(e)));
        const unregister = shutdown.register({
          name: "event stream ends with a reconnect hint",
          phase: "stop",
          run: () => {
            write(reconnectHint(reconnectMs()));
            end();
          },
        });
        function end() {
          if (ended) return;
          ended = true;
          unregister();
          subscription.unsubscribe();
          clearInterval(heartbeat);
          opts.signal.removeEventListener("abort", end);
          try {
            controller.close();
          } catch {
            // Already cancelled by the reader.
          }
        }
        function write(text: string) {
          if (ended) return;
          if ((controller.desiredSize ?? 0) < -maxBacklog) return end();
          controller.enqueue(encoder.encode(text));
        }
        cleanup = end;
        opts.signal.addEventListener("abort", end, { once: true });
        // One chunk, however long the replay: the backlog limit is for live events a client
        // leaves unread. With nothing replayed, the id alone (no data, so no event fires) tells
        // the browser where it stands, for a reconnect before the first event.
        const replay = subscription.replay.length > 0 ? subscription.replay.map(formatEvent).join("") : `id: ${bus.lastId}\n\n`;
        write(`retry: ${opts.retryMs ?? 3000}\n\n${replay}`);
      },
      cancel() {
        cleanup();
      },
    },
    new CountQueuingStrategy({ highWaterMark: 16 }),
  );
  return new Response(body, { status: 200, headers: EVENT_STREAM_HEADERS });
}
