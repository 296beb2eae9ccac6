import "server-only";
import { env } from "@/lib/env";

/**
 * Removes secrets from text that is about to be logged, stored or returned: the configured keys
 * and password wherever they appear, and anything shaped like a bearer token or an `sk-` key,
 * whoever's it is. Upstream messages pass through here before they are kept (a gateway that
 * echoes the request's Authorization header must not put our key into the database).
 */
export function redact(text: string): string {
  let out = text;
  const e = env();
  for (const secret of [e.EMPIRIOLABS_API_KEY, e.ENGINE_API_KEY, e.PLAYGROUND_PASSWORD]) {
    if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  return out.replace(/Bearer\s+[^\s"']+/gi, "Bearer [redacted]").replace(/sk-[A-Za-z0-9_-]{8,}/g, "sk-[redacted]");
}
