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

/**
 * Node's HTTP layer refusing a request before the app sees it: 400 (a control character, CR or
 * LF in a header) or 431 (headers over 16 KB), with no body. The app itself never answers an
 * empty 4xx on its routes.
 */
export function isHttpLayerRefusal(answer: FuzzAnswer): boolean {
  return (answer.status === 400 || answer.status === 431) && answer.body === "";
}

/** The app's error JSON (lib/errors.ts AppError.toJSON): its field errors, or why it is not that. */
export function errorEnvelope(answer: FuzzAnswer): { fields: { field: string; message: string }[] } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    // A long answer is kept only in part: its start must still be the envelope's.
    if (answer.truncated && answer.body.startsWith('{"error":{"code":"')) return { fields: [] };
    return "not JSON";
  }
  const error = (parsed as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  if (typeof error !== "object" || error === null) return "no error object";
  if (typeof error.code !== "string" || typeof error.message !== "string") return "no error code or message";
  const fields = error.fields;
  if (!Array.isArray(fields) || !fields.every((f) => typeof f?.field === "string" && typeof f?.message === "string")) return "no fields list";
  return { fields: fields as { field: string; message: string }[] };
}

export function judge(request: FuzzRequest, answer: FuzzAnswer): string | null {
  if (isResetOfRefusedBody(request, answer)) return null;
  if (answer.error) return `no HTTP answer (${answer.error})`;
  if (answer.status >= 500) return `answered ${answer.status}`;
  // Every job request of the run is broken on purpose; accepting one would start real work.
  if (request.route === "/api/jobs" && request.method === "POST" && answer.status < 300) {
    return `accepted a job request that is invalid (${answer.status}): a job would run`;
  }
  if (request.mustRefuse && answer.status < 300) return `${request.mustRefuse} (${answer.status})`;
  if (answer.status < 400) return null;
  if (isHttpLayerRefusal(answer)) {
    // Node's parser may refuse control characters and oversized heads; a hostile header it has
    // no reason to refuse (spaces, 256 characters, UTF-8) must reach the app and be named there.
    const passedHeader = request.what.some((w) => w.startsWith("header ")) && !request.headerLayer;
    return passedHeader ? `the HTTP layer refused a header it should pass to the app (${answer.status})` : null;
  }
  if (!request.envelope) return null;
  const envelope = errorEnvelope(answer);
  if (typeof envelope === "string") return `a ${answer.status} that is not the app's error JSON (${envelope})`;
  if (answer.status === 422 && request.names !== undefined && !envelope.fields.some((f) => f.field === request.names)) {
    return `a 422 that does not name ${JSON.stringify(request.names)} (names ${JSON.stringify(envelope.fields.map((f) => f.field))})`;
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
