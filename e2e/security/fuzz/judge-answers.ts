/**
 * What counts as a failure of the fuzz run, and how a failure is reported so it can be replayed:
 * the seed, the mode, the request (method, path, headers, body, shortened sensibly) and the answer.
 */
import type { FuzzRequest } from "./generate-requests";
import type { FuzzAnswer } from "./send-requests";

export interface Failure {
  request: FuzzRequest;
  answer: FuzzAnswer;
  why: string;
}

/**
 * A connection reset while the request was still sending its body: the server answered (413,
 * or a route that reads no body) and closed before reading the rest, and the client's kernel
 * dropped the answer with the connection. Normal for a refused upload, so not a failure; a
 * server that died instead fails every later request and the health check after the run.
 */
export function isResetOfRefusedBody(request: FuzzRequest, answer: FuzzAnswer): boolean {
  return request.body !== undefined && request.body.length > 0 && /ECONNRESET|EPIPE/.test(answer.error ?? "");
}

export function judge(request: FuzzRequest, answer: FuzzAnswer): string | null {
  if (isResetOfRefusedBody(request, answer)) return null;
  if (answer.error) return `no HTTP answer (${answer.error})`;
  if (answer.status >= 500) return `answered ${answer.status}`;
  // Every job request of the run is broken on purpose; accepting one would start real work.
  if (request.route === "/api/jobs" && request.method === "POST" && answer.status < 300) {
    return `accepted a job request that is invalid (${answer.status}): a job would run`;
  }
  return null;
}

/** A string with control characters and lone surrogates visible, cut to `max` characters. */
export function shown(text: string, max: number): string {
  const escaped = JSON.stringify(text.length > max ? text.slice(0, max) : text).slice(1, -1);
  return text.length > max ? `${escaped}… (${text.length} characters in all)` : escaped;
}

export function describeFailure(f: Failure, all: FuzzRequest[] = []): string {
  const r = f.request;
  const before = f.answer.previousOnConnection === undefined ? undefined : all[f.answer.previousOnConnection];
  const previous = before
    ? [`  the request before it on the same connection (likelier culprit): #${before.index} ${before.method} ${shown(before.path, 200)}; ${before.what.join("; ")}; body ${before.body?.length ?? 0} bytes${before.chunked ? ", chunked" : ""}`]
    : [];
  const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${shown(v, 200)}`).join("\n    ");
  const body = r.body ? shown(r.body.toString("utf8"), 600) : "(none)";
  return [
    `#${r.index} ${r.method} ${shown(r.path, 300)}  →  ${f.why}`,
    `  broken: ${r.what.join("; ") || "(nothing)"}`,
    `  headers:\n    ${headers}`,
    `  body${r.chunked ? " (chunked)" : ""}: ${body}`,
    `  answer: ${f.answer.status} ${shown(f.answer.body, 400)}`,
    ...previous,
  ].join("\n");
}

/** One example per (route, method, why): a broken rule usually fails many requests alike. */
export function summarise(failures: Failure[], all: FuzzRequest[], header: string, examples = 12): string {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    const key = `${f.request.method} ${f.request.route}: ${f.why.slice(0, 80)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [header, `${failures.length} failing requests in ${groups.size} groups:`];
  for (const [key, list] of groups) lines.push(`  ${list.length} × ${key}`);
  lines.push("", "One example per group:");
  for (const list of [...groups.values()].slice(0, examples)) lines.push(describeFailure(list[0], all), "");
  return lines.join("\n");
}
