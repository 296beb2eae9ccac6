import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { unauthorized } from "@/lib/emulator/api-error";

/**
 * Bearer auth as the gateway does it. With a configured key only that key passes (so tests
 * can prove the app sends the right one); without, any non-empty key does. The key is returned
 * only to key the rate limiter; it is never logged or echoed.
 */
export function authenticate(req: IncomingMessage, expectedKey: string | undefined): string {
  const header = req.headers.authorization;
  if (!header) throw unauthorized("Missing API key: send Authorization: Bearer <key>");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized("Malformed Authorization header: expected Bearer <key>");
  const key = match[1];
  if (expectedKey !== undefined && !sameKey(key, expectedKey)) throw unauthorized("Invalid API key");
  return key;
}

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
