/**
 * The gate in front of every page and share route (Next 16's proxy, formerly middleware):
 *   1. Host: only the names this server answers to (lib/http/allowed-hosts.ts) — 421.
 *   2. Access: with PLAYGROUND_PASSWORD, a signed session cookie, else a redirect to /sign-in
 *      (the owner's pages also check the session is live: app/(app)/layout.tsx).
 *   3. Headers: a fresh CSP nonce per request, put on the request's own CSP header (Next reads
 *      the nonce from there for its scripts) and on the response with the other security
 *      headers (lib/http/security-headers.ts).
 * The API is not matched here, so this never answers an API call (no redirect, no 401): its route
 * handlers go through the same checks themselves (lib/http/handle-route.ts, which answers a
 * request without a live session with 401 `unauthorized`), and a proxy in front of it would
 * buffer request bodies (Next caps that at 10 MB, below our 40 MB limit for image uploads).
 */
import { NextResponse, type NextRequest } from "next/server";
import { pageAccessAllowed, safeNextPath } from "@/lib/auth/access";
import { isDevelopment } from "@/lib/env";
import { describeAllowedHosts, isAllowedHost } from "@/lib/http/allowed-hosts";
import { visitorHost, visitorProtocol } from "@/lib/http/forwarded";
import { pageContentSecurityPolicy, pageSecurityHeaders } from "@/lib/http/security-headers";

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const share = pathname.startsWith("/s/");
  const nonce = btoa(crypto.randomUUID());
  const headerOptions = { nonce, share, development: isDevelopment() };
  const withHeaders = (res: NextResponse) => {
    for (const [k, v] of Object.entries(pageSecurityHeaders(headerOptions))) res.headers.set(k, v);
    return res;
  };

  if (!isAllowedHost(visitorHost(req.headers))) {
    return withHeaders(new NextResponse(`421 Misdirected Request\n\n${describeAllowedHosts()}\n`, { status: 421, headers: { "content-type": "text/plain; charset=utf-8" } }));
  }
  if (!(await pageAccessAllowed(pathname, req.headers.get("cookie")))) {
    // On the host the visitor used (checked above): a cookie set for one host name is not sent
    // to another, and req.url may say "localhost" for 127.0.0.1. Next wants an absolute URL here.
    const origin = `${visitorProtocol(req.headers)}://${visitorHost(req.headers)}`;
    // safeNextPath also drops a `next` too long to be worth keeping (a 16 KB query, say).
    const target = new URL(`/sign-in?next=${encodeURIComponent(safeNextPath(pathname + search))}`, origin);
    return withHeaders(NextResponse.redirect(target, 303));
  }
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", pageContentSecurityPolicy(headerOptions));
  requestHeaders.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Pages and files, not /api (see above) or Next's static files.
  matcher: ["/((?!api/|_next/static).*)"],
};
