/**
 * What POST /api/session does (a plain HTML form, so it works without JavaScript): sign in,
 * sign out, sign out everywhere. Answers are 303 redirects back to a page, with a relative
 * Location (the browser resolves it against the address it used, so the cookie's host matches).
 * Cookies are httpOnly, SameSite=Lax, Secure when the visitor used https.
 */
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { safeNextPath } from "@/lib/auth/access";
import { DEVICE_COOKIE, DEVICE_DAYS, newDeviceValue, verifyDeviceValue } from "@/lib/auth/device-cookie";
import { endAllSessions, endSession, hasLiveSession, startSession } from "@/lib/auth/session-store";
import { accessPassword, passwordMatches, SESSION_COOKIE, SESSION_DAYS, sessionFromCookieHeader } from "@/lib/auth/session";
import { lockedForSeconds, recordFailure, recordSuccess, type SignInClient } from "@/lib/auth/sign-in-limiter";
import { log } from "@/lib/log";

function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: path } });
}

const DAY_S = 24 * 60 * 60;

/**
 * Who posted the form, as the route read it from the request (lib/http/forwarded.ts): the
 * cookies, the client's address for the limiter, and whether the visitor used https.
 */
export interface SessionFormVisitor {
  cookieHeader: string | null;
  address: string;
  secure: boolean;
}

/** The form's fields; any may be missing (each answer is a redirect, never a field error). */
export const sessionFormBody = z.object({
  action: z.string().optional(),
  password: z.string().optional(),
  next: z.string().optional(),
});
export type SessionForm = z.infer<typeof sessionFormBody>;

export async function handleSessionForm(form: SessionForm, visitor: SessionFormVisitor): Promise<NextResponse> {
  const next = safeNextPath(form.next);
  const password = accessPassword();
  if (!password) return seeOther(next);
  const { cookieHeader, secure } = visitor;
  const action = form.action;

  if (action === "sign-out" || action === "sign-out-everywhere") {
    // Everywhere ends every session, so only a signed-in browser may ask for it.
    if (action === "sign-out-everywhere" && (await hasLiveSession(cookieHeader))) {
      log("info", "auth.signed_out_everywhere", { sessions: await endAllSessions() });
    } else {
      await endSession(cookieHeader);
    }
    const res = seeOther("/sign-in?signed-out=1");
    res.cookies.set(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
    return res;
  }

  const client: SignInClient = {
    address: visitor.address,
    device: verifyDeviceValue(sessionFromCookieHeader(cookieHeader, DEVICE_COOKIE)),
  };
  const back = (query: string) => seeOther(`/sign-in?${query}&next=${encodeURIComponent(next)}`);
  const wait = lockedForSeconds(client);
  if (wait > 0) {
    const res = back(`error=rate&retry=${wait}`);
    res.headers.set("retry-after", String(wait));
    return res;
  }
  if (!passwordMatches(form.password ?? "", password)) {
    recordFailure(client);
    return back("error=password");
  }
  recordSuccess(client);
  const session = await startSession(password);
  const res = seeOther(next);
  res.cookies.set(SESSION_COOKIE, session.value, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SESSION_DAYS * DAY_S });
  res.cookies.set(DEVICE_COOKIE, client.device ? sessionFromCookieHeader(cookieHeader, DEVICE_COOKIE)! : newDeviceValue(), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: DEVICE_DAYS * DAY_S,
  });
  return res;
}
