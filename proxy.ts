/**
 * The access gate (Next 16's proxy, formerly middleware). With PLAYGROUND_PASSWORD set, every
 * request but shared galleries, health and sign-in needs a valid session cookie: pages redirect
 * to /sign-in, API calls get 401 JSON. Without a password it lets everything through (the
 * server then listens on 127.0.0.1 only; scripts/start.mjs refuses anything else). Route
 * handlers check again (lib/http/handle-route), so a matcher mistake here cannot open the API.
 */
import { NextResponse, type NextRequest } from "next/server";
import { requestAllowed } from "@/lib/auth/access";

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (requestAllowed(pathname, req.headers.get("cookie"))) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "unauthorized", message: "Sign in first: this playground needs its password." } }, { status: 401 });
  }
  // On the host the browser used (the Host header): req.url says "localhost" under
  // `next start -H 127.0.0.1`, and a cookie set for one host is not sent to the other.
  const host = req.headers.get("host") ?? req.nextUrl.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? req.nextUrl.protocol.replace(":", "");
  const target = new URL(`/sign-in?next=${encodeURIComponent(pathname + search)}`, `${proto}://${host}`);
  return NextResponse.redirect(target, 303);
}

export const config = {
  // Everything except Next's own static files; public paths are decided in lib/auth/access.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
