import "server-only";
import { randomUUID } from "node:crypto";

/**
 * The id of an API request: on every log line written while it is handled (lib/log.ts) and on
 * its answer (`x-request-id`). A proxy's own id is kept when the app is behind one (TRUST_PROXY
 * above 0), so one id follows the request through both logs; without a proxy a client could
 * write the header itself, and ids are ours. Either way only a short token of safe characters
 * is taken: it goes into every log line of the request, where a newline or a megabyte would do
 * harm. Anything else is replaced, never refused (the header is a courtesy, not an input).
 */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export function requestIdOf(headers: Pick<Headers, "get">, trustProxy: number): string {
  const incoming = headers.get("x-request-id");
  if (trustProxy > 0 && incoming !== null && SAFE_ID.test(incoming)) return incoming;
  return randomUUID();
}
