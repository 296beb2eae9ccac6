import "server-only";
import { env } from "@/lib/env";

/**
 * What the visitor's request looked like before any proxy. Forwarding headers are believed only
 * when TRUST_PROXY says how many proxies set them: without a proxy a client could write them
 * itself. scripts/serve.mjs drops them in that case, and Next then sets X-Forwarded-For to the
 * socket's address; reading them only under TRUST_PROXY keeps this module right under plain
 * `next start` (development) as well.
 */
type HeaderSource = Pick<Headers, "get">;

const list = (value: string | null) =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

/** The Host the visitor used: X-Forwarded-Host from a trusted proxy, else Host. */
export function visitorHost(headers: HeaderSource): string | null {
  if (env().TRUST_PROXY > 0) {
    const forwarded = list(headers.get("x-forwarded-host"));
    if (forwarded.length > 0) return forwarded[0];
  }
  return headers.get("host");
}

/** "https" when a trusted proxy says the visitor used TLS; this server itself speaks plain http. */
export function visitorProtocol(headers: HeaderSource): "http" | "https" {
  if (env().TRUST_PROXY > 0 && list(headers.get("x-forwarded-proto"))[0]?.toLowerCase() === "https") return "https";
  return "http";
}

/**
 * The client's address, for per-address limits. With N trusted proxies it is the N-th entry of
 * X-Forwarded-For from the right (each proxy appends the address it saw; entries further left
 * are whatever the client wrote). Without, it is the socket address Next put there.
 */
export function clientAddress(headers: HeaderSource): string {
  const hops = list(headers.get("x-forwarded-for"));
  const trusted = env().TRUST_PROXY;
  if (hops.length === 0) return "unknown";
  if (trusted === 0) return hops[hops.length - 1];
  return hops[Math.max(0, hops.length - trusted)];
}
