/**
 * The fuzz requests of one run: deterministic for a seed, the server's fixtures and the mode
 * (with or without a session). Each request starts valid-looking for its route and is then
 * broken at least one way: its method, a path segment, the query, the body, the content type,
 * the origin, the cookies, Next.js's own request headers. Most look same-origin (origin header,
 * JSON as JSON), so they get past a request guard to the validation behind it.
 */
import type { DiscoveredRoute } from "../support/discover-routes";
import { ABSURD_NUMBERS, encodeComponent, NASTY_TEXT, ODD_TEXT, RAW_URL_GARBAGE } from "./hostile-values";
import { createPrng, prngUuid, type Prng } from "./prng";
import { brokenBody, oneFieldBroken, validLookingBody, type Body } from "./request-bodies";
import { ROUTES, type Fixtures, type RouteSpec } from "./route-table";

export interface FuzzRequest {
  index: number;
  /** The route pattern, "/api/images/[id]". */
  route: string;
  method: string;
  /** Path and query exactly as sent (already encoded). */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Send the body in chunks without a content-length. */
  chunked: boolean;
  /** What was broken, in words. */
  what: string[];
  /**
   * The answer comes from one of the app's route handlers (an /api route, a method it exports,
   * its path intact): a 4xx must be the app's JSON error envelope (judge-answers.ts).
   */
  envelope: boolean;
  /** The field a 422 must name (a broken body field, an unknown key, a refused header). */
  names?: string;
  /** Why a 2xx would be a failure (nothing this request carries may be accepted). */
  mustRefuse?: string;
  /** A hostile header the HTTP layer refuses ("refuse") or splits into more lines ("split"). */
  headerLayer?: "refuse" | "split";
}

export interface GenerateOptions {
  seed: number;
  count: number;
  baseUrl: string;
  fixtures: Fixtures;
  routes: DiscoveredRoute[];
  /** "name=value" of the session cookie, for runs with a session. */
  sessionCookie?: string;
}

const ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

/** Raw text for a broken path segment or query value. */
function hostileUrlText(rng: Prng): string {
  switch (rng.int(4)) {
    case 0:
    case 1:
      return rng.pick(RAW_URL_GARBAGE);
    case 2:
      return encodeComponent(rng.pick([...NASTY_TEXT, ...ODD_TEXT]));
    default:
      return rng.pick(["0", "-1", "99999", "1e3", "1.0", "01", "%D9%A3", "9".repeat(400), ...ABSURD_NUMBERS.map((n) => encodeComponent(n.text))]);
  }
}

function pathOf(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[(\w+)\]/g, (_m, name: string) => params[name]);
}

function queryOf(entries: [string, string][]): string {
  return entries.length ? `?${entries.map(([k, v]) => (v === "" ? k : `${k}=${v}`)).join("&")}` : "";
}

interface Draft {
  method: string;
  params: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body?: Body;
  chunked: boolean;
  what: string[];
  segmentBroken?: boolean;
  bodyBroken?: boolean;
  /** Set by a hostile header: overrides the body's field for the 422 (headers are checked first). */
  names?: string | null;
  headerLayer?: "refuse" | "split";
}

type Mutation = (d: Draft, rng: Prng) => void;

function mutations(route: DiscoveredRoute, spec: RouteSpec, opts: GenerateOptions, fixtures: Fixtures): Record<string, Mutation> {
  const origin = opts.baseUrl;
  const out: Record<string, Mutation> = {
    method: (d, rng) => {
      const others = ALL_METHODS.filter((m) => !route.methods.includes(m));
      d.method = rng.pick(others.length ? others : ALL_METHODS);
      d.what.push(`method ${d.method} (the route exports ${route.methods.join(", ")})`);
    },
    query: (d, rng) => {
      const known = [...Object.keys(spec.query ?? {}), ...Object.keys(spec.hostileQuery ?? {})];
      const key = known.length && rng.chance(0.8) ? rng.pick(known) : rng.pick(["x", "__proto__", "_rsc", "%00", "%ff%fe"]);
      const special = spec.hostileQuery?.[key];
      const value = special && rng.chance(0.6) ? rng.pick(special) : hostileUrlText(rng);
      d.query = [...d.query.filter(([k]) => k !== key), [key, value]];
      if (rng.chance(0.2)) d.query.push([key, hostileUrlText(rng)]);
      d.what.push(`query ${key} broken`);
    },
    hugeQuery: (d, rng) => {
      if (rng.chance(0.5)) d.query.push(["x", "a".repeat(2_000 + rng.int(20_000))]);
      else for (let i = 0; i < 500 + rng.int(1500); i++) d.query.push([`k${i}`, "1"]);
      d.what.push("huge query string");
    },
    contentType: (d, rng) => {
      const types = ["", "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data", "application/json, text/html", "APPLICATION/JSON", "application/jsonx", "application/json; charset=utf-16", "application/csp-report"];
      const type = rng.pick(types);
      if (type) d.headers["content-type"] = type;
      else delete d.headers["content-type"];
      // A body read as another type no longer has the broken field its 422 must name (a JSON
      // body sent as a form names the form's fields instead), so that check is dropped.
      if (d.body?.names !== undefined && d.names === undefined && type.toLowerCase() !== d.body.contentType) d.names = null;
      d.what.push(`content-type ${JSON.stringify(type)}`);
    },
    origin: (d, rng) => {
      const value = rng.pick(["", "null", "http://evil.example", `${origin}/`, "http://127.0.0.1:1", origin.replace("127.0.0.1", "localhost"), "cross-site"]);
      if (value === "cross-site") d.headers["sec-fetch-site"] = "cross-site";
      else if (value) d.headers.origin = value;
      else delete d.headers.origin;
      d.what.push(`origin ${JSON.stringify(value)}`);
    },
    cookie: (d, rng) => {
      const junk = rng.pick(["nova_session=garbage", "nova_session=%ff%fe", "nova_session=", `nova_session=${"a".repeat(4000)}`, "a=b; a=c; =;;", "__Host-x=1"]);
      d.headers.cookie = d.headers.cookie && rng.chance(0.5) ? `${junk}; ${d.headers.cookie}` : junk;
      d.what.push(`cookie ${JSON.stringify(junk.slice(0, 40))}`);
    },
    host: (d, rng) => {
      d.headers.host = rng.pick(["rebind.evil.example", "127.0.0.1:1", "localhost", "[::1]", "evil.example:80"]);
      d.what.push(`host ${d.headers.host}`);
    },
  };
  if (route.pattern.includes("[")) {
    out.segment = (d, rng) => {
      const name = rng.pick(Object.keys(d.params));
      const special = spec.hostileParams?.[name];
      d.params[name] = special && rng.chance(0.6) ? rng.pick(special) : hostileUrlText(rng);
      d.segmentBroken = true;
      d.what.push(`path segment ${name} broken`);
    };
  }
  const bodySpec = spec.bodies?.[route.methods.find((m) => spec.bodies?.[m]) ?? ""];
  if (bodySpec) {
    out.bodyField = (d, rng) => {
      // Mostly on the method that takes the body (a GET with a body now and then).
      if (!spec.bodies?.[d.method] && rng.chance(0.75)) {
        d.method = rng.pick(route.methods.filter((m) => spec.bodies?.[m]));
        d.headers.origin ??= origin;
      }
      d.body = oneFieldBroken(bodySpec, fixtures, rng);
      d.bodyBroken = true;
      d.what.push(d.body.what);
    };
  }
  if (spec.hostileHeaders) {
    out.header = (d, rng) => {
      const name = rng.pick(Object.keys(spec.hostileHeaders!));
      const hostile = rng.pick(spec.hostileHeaders![name]);
      // The header belongs to the route's body method (Idempotency-Key: POST /api/jobs), which
      // then gets a broken body of its own (for a job: never one the model accepts). A route
      // with no body (Last-Event-ID: GET /api/events) keeps its method.
      if (!spec.bodies?.[d.method] && route.methods.some((m) => spec.bodies?.[m])) {
        d.method = rng.pick(route.methods.filter((m) => spec.bodies?.[m]));
        d.body = oneFieldBroken(spec.bodies![d.method]!, fixtures, rng);
        d.headers["content-type"] = d.body.contentType;
        d.headers.origin ??= origin;
        d.bodyBroken = true;
      }
      d.headers[name] = hostile.value;
      if (hostile.layer === "split") d.names = null;
      else d.names = headerFieldName(name);
      if (hostile.layer !== "none") d.headerLayer = hostile.layer;
      d.what.push(`header ${name}: ${hostile.what}`);
    };
  }
  out.bodyShape = (d, rng) => {
    d.body = brokenBody(rng);
    d.bodyBroken = true;
    if (d.method === "GET" || d.method === "HEAD") d.method = rng.pick(route.methods.filter((m) => m !== "GET").concat(["POST"]));
    d.what.push(d.body.what);
  };
  if (route.kind === "page") {
    out.nextInternals = (d, rng) => {
      const pick = rng.int(4);
      if (pick === 0) Object.assign(d.headers, { rsc: "1", "next-router-state-tree": rng.pick(["%ff", "[", '["",{"children":1}]', encodeComponent("\u0000")]) });
      if (pick === 1) Object.assign(d.headers, { "next-action": rng.pick(["x", "0".repeat(40), "%00"]), "content-type": "text/plain;charset=UTF-8" });
      if (pick === 2) d.query.push(["_rsc", hostileUrlText(rng)]);
      if (pick === 3) Object.assign(d.headers, { "next-router-prefetch": "1", "next-url": hostileUrlText(rng) });
      if (pick === 1) d.method = "POST";
      d.what.push(`Next.js internals (${["router state tree", "server action", "_rsc", "prefetch"][pick]})`);
    };
  }
  return out;
}

/** The valid-looking request a route starts from. */
function startDraft(route: DiscoveredRoute, spec: RouteSpec, opts: GenerateOptions, rng: Prng): Draft {
  const method = rng.pick(route.methods);
  const destructive = spec.destructive?.includes(method) ?? false;
  const params: Record<string, string> = {};
  for (const [name, make] of Object.entries(spec.params ?? {})) params[name] = destructive ? prngUuid(rng) : make(opts.fixtures, rng);
  const query: [string, string][] = [];
  for (const [key, values] of Object.entries(spec.query ?? {})) if (rng.chance(0.3)) query.push([key, encodeComponent(rng.pick(values))]);
  const headers: Record<string, string> = { accept: rng.pick(["application/json", "text/html", "*/*", "text/x-component"]) };
  if (method !== "GET" && method !== "HEAD") headers.origin = opts.baseUrl;
  if (opts.sessionCookie && route.pattern !== "/api/session") headers.cookie = opts.sessionCookie;
  const bodySpec = spec.bodies?.[method];
  const body = bodySpec ? validLookingBody(bodySpec, opts.fixtures, rng) : undefined;
  if (body) headers["content-type"] = body.contentType;
  return { method, params, query, headers, body, chunked: false, what: [] };
}

/** "idempotency-key" → "Idempotency-Key", as the app names a header in its field errors. */
const headerFieldName = (name: string) => name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());

function pickRoute(routes: DiscoveredRoute[], rng: Prng): DiscoveredRoute {
  const total = routes.reduce((n, r) => n + (ROUTES[r.pattern].weight ?? 1), 0);
  let at = rng.next() * total;
  for (const r of routes) {
    at -= ROUTES[r.pattern].weight ?? 1;
    if (at < 0) return r;
  }
  return routes[routes.length - 1];
}

const HEADER_NOISE = ["origin", "contentType", "cookie"];

export function generateRequests(opts: GenerateOptions): FuzzRequest[] {
  const rng = createPrng(opts.seed);
  const out: FuzzRequest[] = [];
  for (let index = 0; index < opts.count; index++) {
    // One request per route first, so even a short run reaches every route; then by weight.
    const route = index < opts.routes.length ? opts.routes[index] : pickRoute(opts.routes, rng);
    const spec = ROUTES[route.pattern];
    const draft = startDraft(route, spec, opts, rng);
    const all = mutations(route, spec, opts, opts.fixtures);
    // The job route is always broken in its body, so whatever else happens no job runs.
    const isJobSubmit = draft.body !== undefined && spec.bodies?.[draft.method]?.type === "job";
    const names = Object.keys(all).filter((n) => n !== "host" || rng.chance(0.2));
    all[isJobSubmit ? rng.pick(["bodyField", "bodyField", "bodyField", "bodyShape"]) : rng.pick(names)](draft, rng);
    // A job submit's hostile header comes on top of its broken body: the run still starts nothing.
    if (isJobSubmit && all.header && !draft.what.some((w) => w.startsWith("header ")) && rng.chance(0.35)) all.header(draft, rng);
    if (isJobSubmit || rng.chance(0.25)) all[rng.pick(HEADER_NOISE)](draft, rng);
    if (draft.method === "HEAD") draft.body = undefined;
    const handled = route.kind === "route" && route.pattern.startsWith("/api/") && route.methods.includes(draft.method);
    const named = draft.names === undefined ? draft.body?.names : (draft.names ?? undefined);
    const refusal = spec.neverSucceeds?.[draft.method] ?? (draft.bodyBroken && spec.bodies?.[draft.method] ? spec.brokenBodiesRefused : undefined);
    out.push({
      index,
      route: route.pattern,
      method: draft.method,
      path: pathOf(route.pattern, draft.params) + queryOf(draft.query),
      headers: draft.headers,
      body: draft.body?.bytes,
      chunked: draft.body !== undefined && rng.chance(0.15),
      what: draft.what,
      envelope: handled && draft.method !== "HEAD" && !draft.segmentBroken,
      names: named,
      mustRefuse: refusal,
      headerLayer: draft.headerLayer,
    });
  }
  return out;
}
