import { NextResponse } from "next/server";
import { safeNextPath } from "@/lib/auth/access";
import { accessPassword, newSessionValue, passwordMatches, SESSION_COOKIE, SESSION_DAYS } from "@/lib/auth/session";
import { clientAddress, lockedForSeconds, recordFailure, recordSuccess } from "@/lib/auth/sign-in-limiter";

export const dynamic = "force-dynamic";

/**
 * A relative Location: the browser resolves it against the address it used. (req.url says
 * "localhost" under `next start -H 127.0.0.1`, and a cookie set for one host is not sent to the other.)
 */
function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: path } });
}

/**
 * Sign in (a plain HTML form post, so it works without JavaScript) and sign out. Answers are
 * 303 redirects back to a page; the session cookie is httpOnly, SameSite=Lax, Secure over https.
 */
export async function POST(req: Request) {
  const form = await req.formData().catch(() => null);
  const next = safeNextPath(form?.get("next")?.toString());
  const back = (query: string) => seeOther(`/sign-in?${query}&next=${encodeURIComponent(next)}`);
  const password = accessPassword();
  if (!password) return seeOther(next);

  if (form?.get("action") === "sign-out") {
    const res = seeOther("/sign-in?signed-out=1");
    res.cookies.delete(SESSION_COOKIE);
    return res;
  }

  const client = clientAddress(req.headers);
  const wait = lockedForSeconds(client);
  if (wait > 0) {
    const res = back(`error=rate&retry=${wait}`);
    res.headers.set("retry-after", String(wait));
    return res;
  }
  const given = form?.get("password")?.toString() ?? "";
  if (!passwordMatches(given, password)) {
    recordFailure(client);
    return back("error=password");
  }
  recordSuccess(client);
  const res = seeOther(next);
  res.cookies.set(SESSION_COOKIE, newSessionValue(password), {
    httpOnly: true,
    sameSite: "lax",
    secure: new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https",
    path: "/",
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
  return res;
}
