import "server-only";
import { hostNameOf } from "@/lib/http/allowed-hosts";
import { visitorHost } from "@/lib/http/forwarded";
import { env } from "@/lib/env";

/**
 * Whether a request may act on the playground, judged from what browsers say about where a
 * request comes from (Origin, Sec-Fetch-Site). A page the user visits can make their browser
 * POST here, with their cookie; it cannot make the browser lie in these headers.
 *
 * State-changing methods (anything but GET, HEAD, OPTIONS) need one of:
 * - an Origin whose host is the host the visitor used (or PUBLIC_URL's origin);
 * - no Origin but `Sec-Fetch-Site: same-origin`;
 * - neither header and no Cookie header: a non-browser client (curl, a script). Every browser
 *   this app supports sends Origin on such requests, and a script with no cookie has no
 *   session to ride on (with a password set it meets the sign-in wall anyway).
 *
 * Reads (GET, HEAD) from another site are refused too, except top-level navigations: a page
 * elsewhere has no business loading our JSON or private images into itself (probing them is
 * how it would learn what is here), while a link someone follows is fine.
 *
 * Returns null when allowed, else the reason, for a 403 a person can understand.
 */
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function crossSiteRefusal(req: Pick<Request, "method" | "headers">): string | null {
  const site = req.headers.get("sec-fetch-site");
  if (SAFE.has(req.method)) {
    if (site !== "cross-site" && site !== "same-site") return null;
    const navigation = req.headers.get("sec-fetch-mode") === "navigate" && req.method === "GET";
    return navigation ? null : "Another site may not load this playground's data.";
  }
  const origin = req.headers.get("origin");
  if (origin !== null) {
    return isOwnOrigin(origin, req.headers) ? null : `Requests from ${describeOrigin(origin)} may not change this playground.`;
  }
  if (site !== null) return site === "same-origin" ? null : "Requests from other sites may not change this playground.";
  if (req.headers.get("cookie")) return "Send an Origin header: a request with cookies must say where it comes from.";
  return null;
}

function isOwnOrigin(origin: string, headers: Pick<Headers, "get">): boolean {
  const publicUrl = env().PUBLIC_URL;
  if (publicUrl && origin === publicUrl) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  // Host and port as the browser wrote them: Host carries the port the visitor used.
  const own = visitorHost(headers);
  return own !== null && hostNameOf(own) !== null && url.host === own.trim().toLowerCase();
}

function describeOrigin(origin: string): string {
  return origin === "null" ? "a sandboxed or local page" : /^https?:\/\/[^/]{1,100}$/.test(origin) ? origin : "another site";
}
