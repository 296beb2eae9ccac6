import "server-only";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { createPinnedLookup, NOT_ALLOWED_CODE, resolveWithSystem, type ResolveHost } from "@/lib/net/pinned-lookup";
import { isPublicAddress } from "@/lib/net/public-address";

/**
 * GET of a user-given http(s) URL that can only reach public addresses: every host is resolved
 * and checked (IP literals too) before a connection, the connection is pinned to the checked
 * addresses, redirects are followed here (http/https only, each hop checked the same way), the
 * body is counted as it streams, and one deadline covers the whole fetch. The caller learns why
 * a fetch failed (for tests and logs) and decides what to tell the user.
 */
export interface PublicFetchOptions {
  /** One deadline for everything: DNS, connections, redirects and the body. */
  timeoutMs: number;
  /** Largest body accepted; a larger one is cut off as soon as it passes the limit. */
  maxBytes: number;
  /** Redirects followed at most (default 5). */
  maxRedirects?: number;
  /** Whether a resolved or literal address may be connected to (default: public addresses only). */
  isAllowedAddress?: (ip: string) => boolean;
  /** Host name resolution (default: the system's, as every other connection of this process). */
  resolve?: ResolveHost;
}

export type FetchFailure =
  | "invalid_url" // not an http(s) URL, or a redirect to one that is not
  | "not_allowed" // the host is, or resolves to, an address that is not allowed
  | "unreachable" // no such host, connection refused or reset
  | "http_status" // an answer other than 2xx, or a redirect without a Location
  | "too_many_redirects"
  | "too_large"
  | "timeout"
  | "empty";

export type PublicFetchResult = { ok: true; bytes: Buffer } | { ok: false; reason: FetchFailure };

interface Policy {
  isAllowed: (ip: string) => boolean;
  lookup: LookupFunction;
  maxBytes: number;
  signal: AbortSignal;
}

type Step = { redirect: string } | { result: PublicFetchResult };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const fail = (reason: FetchFailure): { result: PublicFetchResult } => ({ result: { ok: false, reason } });

export async function fetchPublicUrl(url: string, options: PublicFetchOptions): Promise<PublicFetchResult> {
  const isAllowed = options.isAllowedAddress ?? isPublicAddress;
  const policy: Policy = {
    isAllowed,
    lookup: createPinnedLookup(options.resolve ?? resolveWithSystem, isAllowed),
    maxBytes: options.maxBytes,
    signal: AbortSignal.timeout(options.timeoutMs),
  };
  const maxRedirects = options.maxRedirects ?? 5;
  let target = parseHttpUrl(url);
  for (let redirects = 0; ; redirects++) {
    if (!target) return fail("invalid_url").result;
    const step = await fetchOnce(target, policy);
    if ("result" in step) return step.result;
    if (redirects >= maxRedirects) return fail("too_many_redirects").result;
    target = parseHttpUrl(step.redirect, target);
  }
}

function parseHttpUrl(text: string, base?: URL): URL | undefined {
  try {
    const url = new URL(text, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** One GET, no redirect followed: the next URL, or the outcome. */
function fetchOnce(url: URL, policy: Policy): Promise<Step> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  // An IP literal never reaches `lookup`, so it is checked here.
  if (isIP(host) && !policy.isAllowed(host)) return Promise.resolve(fail("not_allowed"));
  if (policy.signal.aborted) return Promise.resolve(fail("timeout"));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (step: Step) => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve(step);
    };
    const failure = (err?: NodeJS.ErrnoException) =>
      fail(policy.signal.aborted ? "timeout" : err?.code === NOT_ALLOWED_CODE ? "not_allowed" : "unreachable");
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send({
      protocol: url.protocol,
      hostname: host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: { accept: "image/png,image/jpeg;q=0.9,*/*;q=0.1", connection: "close" },
      // A fresh connection per request: no pooled socket chosen by anything but this lookup.
      agent: false,
      lookup: policy.lookup,
      signal: policy.signal,
    });
    req.on("error", (err: NodeJS.ErrnoException) => settle(failure(err)));
    req.on("response", (res) => readResponse(res, policy.maxBytes, settle, failure));
    req.end();
  });
}

function readResponse(res: IncomingMessage, maxBytes: number, settle: (step: Step) => void, failure: () => Step): void {
  const status = res.statusCode ?? 0;
  const location = res.headers.location;
  if (REDIRECTS.has(status) && location) return settle({ redirect: location });
  if (status < 200 || status > 299) return settle(fail("http_status"));
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return settle(fail("too_large"));

  const chunks: Buffer[] = [];
  let size = 0;
  res.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) settle(fail("too_large"));
    else chunks.push(chunk);
  });
  res.on("end", () => settle(size === 0 ? fail("empty") : { result: { ok: true, bytes: Buffer.concat(chunks) } }));
  res.on("error", () => settle(failure()));
  res.on("close", () => settle(failure()));
}
