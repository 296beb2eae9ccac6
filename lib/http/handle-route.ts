import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { requestAllowed } from "@/lib/auth/access";
import { log } from "@/lib/log";

/**
 * Wraps a route handler: AppErrors become their status and safe JSON body; anything else is
 * logged (redacted) and answered with a generic 500 that leaks no internals.
 */
export function handleRoute<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    // The access check of the API: proxy.ts gates pages, and every /api route goes through here.
    const req = args[0];
    if (req instanceof Request && !requestAllowed(new URL(req.url).pathname, req.headers.get("cookie"))) {
      return NextResponse.json({ error: { code: "unauthorized", message: "Sign in first: this playground needs its password." } }, { status: 401 });
    }
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof AppError) {
        if (e.status >= 500) log("warn", "route.upstream_error", { code: e.code, error: e });
        const headers: Record<string, string> = {};
        if (e.retryAfterSeconds !== undefined) headers["retry-after"] = String(e.retryAfterSeconds);
        return NextResponse.json(e.toJSON(), { status: e.status, headers });
      }
      log("error", "route.unhandled", { error: e });
      const err = new AppError("internal", "Something went wrong on the server; the details are in its log.");
      return NextResponse.json(err.toJSON(), { status: 500 });
    }
  };
}
