import "server-only";
import { apiAccessAllowed } from "@/lib/auth/access";
import { getEventBus } from "@/lib/events/process-bus";
import { eventStreamResponse } from "@/lib/events/sse-response";
import { getRuntime } from "./runtime";

/**
 * GET /api/events: this process's job and sweep events as server-sent events (lib/events). The
 * runtime is started first, since it gives the bus its job loader and starts the tracker and the
 * queue that publish. The session that opened the stream is checked again at each heartbeat, so
 * signing out (here or everywhere) also ends the streams it had open.
 */
export async function jobEventStream(req: Request): Promise<Response> {
  await getRuntime();
  const cookie = req.headers.get("cookie");
  const path = new URL(req.url).pathname;
  return eventStreamResponse(getEventBus(), {
    // The header from the browser's own reconnects; the parameter from a new EventSource the page
    // opens to resume (it cannot set headers).
    lastEventId: req.headers.get("last-event-id") ?? new URL(req.url).searchParams.get("lastEventId"),
    signal: req.signal,
    stillAllowed: () => apiAccessAllowed(path, cookie),
  });
}
