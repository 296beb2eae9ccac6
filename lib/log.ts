import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "@/lib/env";
import { redact } from "@/lib/secrets/redact";

export { redact };

/**
 * The app's logger: one JSON line per event on stderr. Every line passes through `redact`, so a
 * secret that slipped into an error message or URL never reaches the log. A line written while
 * an API request is being handled (lib/http/handle-route.ts runs each one in `withRequestId`)
 * carries that request's `requestId`, the one its answer sends as `x-request-id`, however deep
 * in lib/ it is written.
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

interface RequestContext {
  requestId: string;
  /** False once the handler has answered. */
  open: boolean;
}

// On globalThis: Next.js bundles this module more than once, and a line logged by one copy (the
// tracker's, loaded by instrumentation) during a request handled by another must see its id.
const KEY = Symbol.for("nova-playground.log-context");
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<RequestContext> };
const context = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

/**
 * Runs `fn` as the handling of request `requestId`. Work it starts lives on in the same async
 * context (a queue pass kicked by a submit, and every timer that pass sets), so the id is only
 * put on lines written until `fn` has answered: a later line of such background work is not the
 * request's, and would otherwise carry its id forever.
 */
export async function withRequestId<T>(requestId: string, fn: () => Promise<T>): Promise<T> {
  const ctx: RequestContext = { requestId, open: true };
  return context.run(ctx, async () => {
    try {
      return await fn();
    } finally {
      ctx.open = false;
    }
  });
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  const ctx = context.getStore();
  return ctx?.open ? ctx.requestId : undefined;
}

function describe(value: unknown): unknown {
  if (value instanceof Error) {
    const cause = value.cause instanceof Error ? `; cause: ${value.cause.message}` : "";
    return `${value.name}: ${value.message}${cause}`;
  }
  return value;
}

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[env().LOG_LEVEL]) return;
  const entry: Record<string, unknown> = { t: new Date().toISOString(), level, event };
  for (const [k, v] of Object.entries(fields)) entry[k] = describe(v);
  // Last, so the event and its own fields read first (and a field of that name is not overwritten).
  const requestId = currentRequestId();
  if (requestId) entry.requestId ??= requestId;
  process.stderr.write(redact(JSON.stringify(entry)) + "\n");
}
