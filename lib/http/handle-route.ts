import "server-only";
import { NextResponse } from "next/server";
import { apiAccessAllowed } from "@/lib/auth/access";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { describeAllowedHosts, isAllowedHost } from "@/lib/http/allowed-hosts";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { crossSiteRefusal } from "@/lib/http/cross-site";
import { visitorHost } from "@/lib/http/forwarded";
import { checkDeclaredLength, readBody, type BodySpec, type BodyType, type ParsedBody } from "@/lib/http/read-body";
import { requestIdOf } from "@/lib/http/request-id";
import { apiSecurityHeaders } from "@/lib/http/security-headers";
import { log, withRequestId } from "@/lib/log";

/**
 * The guard every /api route goes through (a test keeps it so: lib/http/api-routes-guarded.test.ts).
 * In order, before the handler runs:
 *   1. Host: only the names this server answers to (allowed-hosts.ts) — 421.
 *   2. Session: with PLAYGROUND_PASSWORD, a live session (lib/auth/access.ts) — 401.
 *   3. Origin: state-changing requests from the app's own pages only (cross-site.ts) — 403.
 *   4. Body: the declared type and size (body-limits.ts), read once (read-body.ts) — 415, 413,
 *      400. A route that declares no body reads none, and refuses a declared one over
 *      BODY_LIMITS.none.
 * Then the handler; AppErrors become their status and safe JSON, anything else a generic 500
 * (logged, redacted). Every answer carries the API's security headers (security-headers.ts) and
 * the request's id (`x-request-id`, request-id.ts), which every log line written while it was
 * handled carries too (lib/log.ts).
 * What was read is checked with parse-body.ts (`parseBody` in the route, or `parseBodyValue` in
 * the service it calls): a broken field rule is a 422 naming the field.
 */
export interface RouteOptions<T extends BodyType = BodyType> {
  body?: BodySpec<T>;
}


type Handler<C> = (req: Request, ctx: C) => Promise<Response>;
type BodyHandler<C, T extends BodyType> = (req: Request, ctx: C, body: ParsedBody<T>) => Promise<Response>;

export function handleRoute<C>(fn: Handler<C>): Handler<C>;
export function handleRoute<C, T extends BodyType>(options: { body: BodySpec<T> }, fn: BodyHandler<C, T>): Handler<C>;
export function handleRoute<C, T extends BodyType>(a: Handler<C> | RouteOptions<T>, b?: BodyHandler<C, T>): Handler<C> {
  const options: RouteOptions<T> = typeof a === "function" ? {} : a;
  const fn = (typeof a === "function" ? a : b) as BodyHandler<C, T>;
  return async (req: Request, ctx: C): Promise<Response> => {
    const requestId = requestIdOf(req.headers, env().TRUST_PROXY);
    const res = await withRequestId(requestId, () => guarded(req, ctx, options, fn));
    return withHeaders(res, { ...apiSecurityHeaders(), "x-request-id": requestId });
  };
}

async function guarded<C, T extends BodyType>(req: Request, ctx: C, options: RouteOptions<T>, fn: BodyHandler<C, T>): Promise<Response> {
  try {
    if (!isAllowedHost(visitorHost(req.headers))) throw new AppError("host_not_allowed", describeAllowedHosts());
    if (!(await apiAccessAllowed(new URL(req.url).pathname, req.headers.get("cookie")))) {
      throw new AppError("unauthorized", "Sign in first: this playground needs its password.");
    }
    const refusal = crossSiteRefusal(req);
    if (refusal) throw new AppError("cross_site", refusal);
    if (!options.body) {
      checkDeclaredLength(req, BODY_LIMITS.none);
      return await fn(req, ctx, { type: "json", value: undefined } as ParsedBody<T>);
    }
    return await fn(req, ctx, await readBody(req, options.body));
  } catch (e) {
    return errorResponse(e);
  }
}

function errorResponse(e: unknown): Response {
  if (e instanceof URIError) {
    // A dynamic segment like %ff%fe: Next decodes params lazily, inside the handler.
    e = new AppError("invalid_request", "The address contains invalid percent-encoding.");
  }
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

/** Headers the handler did not set itself; the request id always (it is ours to give). */
function withHeaders(res: Response, headers: Record<string, string>): Response {
  const apply = (target: Headers) => {
    for (const [k, v] of Object.entries(headers)) if (k === "x-request-id" || !target.has(k)) target.set(k, v);
  };
  try {
    apply(res.headers);
    return res;
  } catch {
    // Some Responses have immutable headers (Response.redirect, fetched ones): copy it.
    const copy = new Response(res.body, res);
    apply(copy.headers);
    return copy;
  }
}
