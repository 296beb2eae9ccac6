/**
 * The access gate (Next 16's proxy, formerly middleware). With PLAYGROUND_PASSWORD set, every
 * request but shared galleries, health and sign-in needs a valid session cookie: pages redirect
 * to /sign-in, API calls get 401 JSON. Without a password it lets everything through (the
 * server then listens on 127.0.0.1 only; scripts/start.mjs refuses anything else). The API is
 * not matched here: its route handlers check the session themselves (lib/http/handle-route).
 */
import { NextResponse, type NextRequest } from "next/server";
import { requestAllowed } from "@/lib/auth/access";

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (requestAllowed(pathname, req.headers.get("cookie"))) return NextResponse.next();
  // On the host the browser used (the Host header): req.url says "localhost" under
  // `next start -H 127.0.0.1`, and a cookie set for one host is not sent to the other.
  const host = req.headers.get("host") ?? req.nextUrl.host;
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? req.nextUrl.protocol.replace(":", "");
  const target = new URL(`/sign-in?next=${encodeURIComponent(pathname + search)}`, `${proto}://${host}`);
  return NextResponse.redirect(target, 303);
}

export const config = {
  // Pages and files, not /api: every API route checks the session itself (handleRoute), and a
  // proxy in front of the API would buffer request bodies (Next caps that at 10 MB, below our
  // 40 MB limit for image uploads). Public paths are decided in lib/auth/access.
  matcher: ["/((?!api/|_next/static|_next/image).*)"],
};
