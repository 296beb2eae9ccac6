import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { textImageBody } from "../support/api";
import { startAppServer, type AppServer } from "../support/app-server";
import { E2E, WAIT } from "../support/env";
import type { FuzzRequest } from "./fuzz/generate-requests";
import { BROKEN_JSON } from "./fuzz/hostile-values";
import { errorEnvelope, isHttpLayerRefusal } from "./fuzz/judge-answers";
import { jsonText, withKey } from "./fuzz/json-text";
import { sendRaw, type FuzzAnswer } from "./fuzz/send-requests";
import { CAP_UNKNOWN_KEYS, FUZZ_CAPS, FUZZ_MONTH_CEILING_USD, HOSTILE_CANCEL_IDS, HOSTILE_IDEMPOTENCY_KEYS, HOSTILE_USD } from "./fuzz/spend-inputs";
import { signIn } from "./support/session";

/**
 * Issue 11's inputs one at a time, each followed by a read of what a refusal must leave alone:
 * the spending caps body (PUT /api/settings/caps), the Idempotency-Key of POST /api/jobs (with a
 * valid body, so only the key stands between it and a new run), the 402 past a cap, and the ids
 * of POST /api/jobs/[id]/cancel. The fuzz run (fuzz.spec.ts) sends the same values mixed with
 * everything else; here each answer is checked in full. Requests go out byte for byte
 * (fuzz/send-requests.ts sendRaw), so a header node:http would not write reaches the server too.
 * A server of its own: a password (the stricter guard path), signed in, and a month ceiling.
 */
let server: AppServer | undefined;
let dataDir = "";
let cookie = "";
/** A run that has finished: cancelling it must be refused. */
let finishedRunId = "";

const url = () => server!.url;

function send(method: string, pathAndQuery: string, opts: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<FuzzAnswer> {
  const body = typeof opts.body === "string" ? Buffer.from(opts.body, "utf8") : opts.body;
  const headers: Record<string, string> = { cookie, ...(method === "GET" ? {} : { origin: url() }), ...opts.headers };
  const request: FuzzRequest = { index: 0, route: "", method, path: pathAndQuery, headers, body, chunked: false, what: [], envelope: true };
  return sendRaw(url(), request);
}

const sendJson = (method: string, pathAndQuery: string, body: string, headers: Record<string, string> = {}) =>
  send(method, pathAndQuery, { headers: { "content-type": "application/json", ...headers }, body });

async function readJson<T>(pathAndQuery: string): Promise<T> {
  const answer = await send("GET", pathAndQuery);
  expect(answer.status, `GET ${pathAndQuery}: ${answer.body}`).toBe(200);
  return JSON.parse(answer.body) as T;
}

const readCaps = () => readJson<{ dayUsd: number | null; monthUsd: number | null }>("/api/settings/caps");

/** What no refusal may change: the caps, the ledger, and every run with its status. */
async function stored(): Promise<{ caps: unknown; ledger: string; runs: string[] }> {
  const ledger = await send("GET", "/api/spend/ledger");
  expect(ledger.status).toBe(200);
  const runs = (await readJson<{ items: { id: string; status: string }[] }>("/api/jobs?limit=100")).items.map((j) => `${j.id} ${j.status}`);
  return { caps: await readCaps(), ledger: ledger.body, runs };
}

async function waitUntilFinished(id: string): Promise<string> {
  let status = "";
  await expect
    .poll(async () => (status = (await readJson<{ status: string }>(`/api/jobs/${id}`)).status), { timeout: WAIT.job })
    .toMatch(/^(completed|failed|cancelled)$/);
  return status;
}

/** Why an answer is not a refusal in the app's error JSON naming `names` (null when it is). */
function refusalProblem(answer: FuzzAnswer, names?: string): string | null {
  if (answer.error) return `no answer (${answer.error})`;
  if (answer.status < 400 || answer.status >= 500) return `answered ${answer.status}`;
  const envelope = errorEnvelope(answer);
  if (typeof envelope === "string") return `a ${answer.status} that is not the app's error JSON (${envelope})`;
  if (answer.status === 422 && names !== undefined && !envelope.fields.some((f) => f.field === names)) {
    return `a 422 that does not name ${JSON.stringify(names)}: ${JSON.stringify(envelope.fields.map((f) => f.field))}`;
  }
  return null;
}

const shown = (text: string) => (text.length > 80 ? `${JSON.stringify(text.slice(0, 80))}… (${text.length} characters)` : JSON.stringify(text));

test.beforeAll(async () => {
  test.setTimeout(WAIT.serverStart + WAIT.job + 30_000);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "nova-spend-inputs-"));
  server = await startAppServer({
    port: E2E.ports.ownServers[2],
    timeoutMs: WAIT.serverStart,
    env: {
      DATA_DIR: dataDir,
      EMPIRIOLABS_API_KEY: "",
      ENGINE_LATENCY_MS: "200-400",
      LOG_LEVEL: "warn",
      PLAYGROUND_PASSWORD: E2E.password,
      SPEND_CAP_MONTH_USD: String(FUZZ_MONTH_CEILING_USD),
    },
  });
  cookie = await signIn(server.url, E2E.password);
  const caps = await sendJson("PUT", "/api/settings/caps", JSON.stringify(FUZZ_CAPS));
  expect(caps.status, caps.body).toBe(200);
  const run = await sendJson("POST", "/api/jobs", JSON.stringify(textImageBody({ prompt: "spend inputs: a finished run" })));
  expect(run.status, run.body).toBe(201);
  finishedRunId = (JSON.parse(run.body) as { id: string }).id;
  expect(await waitUntilFinished(finishedRunId)).toBe("completed");
});

test.afterAll(async () => {
  await server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("PUT /api/settings/caps: every hostile body is refused in the app's error JSON, the broken field named, and the caps stay as they were", async () => {
  test.setTimeout(120_000);
  const cases: { what: string; body: string | Buffer; names?: string; type?: string | null }[] = [];
  for (const field of ["dayUsd", "monthUsd"] as const) {
    for (const value of HOSTILE_USD) cases.push({ what: `${field} = ${shown(jsonText(value))}`, body: jsonText({ ...FUZZ_CAPS, [field]: value }), names: field });
    const rest: Record<string, unknown> = { ...FUZZ_CAPS };
    delete rest[field];
    cases.push({ what: `${field} missing`, body: JSON.stringify(rest), names: field });
    // The last copy of a repeated key is the one JSON.parse keeps: it must be the one checked.
    cases.push({ what: `${field} repeated, last copy a string`, body: `${JSON.stringify(FUZZ_CAPS).slice(0, -1)},"${field}":"250"}`, names: field });
  }
  cases.push({ what: "monthUsd over this server's ceiling", body: JSON.stringify({ ...FUZZ_CAPS, monthUsd: FUZZ_MONTH_CEILING_USD + 0.01 }), names: "monthUsd" });
  for (const key of CAP_UNKNOWN_KEYS) cases.push({ what: `unknown key ${JSON.stringify(key)}`, body: jsonText(withKey({ ...FUZZ_CAPS }, key, 1)), names: key });
  for (const text of BROKEN_JSON) cases.push({ what: `whole body ${shown(text)}`, body: text });
  cases.push({ what: "nesting 100,000 deep (over the 4 KB limit)", body: `{"dayUsd":${"[".repeat(100_000)}${"]".repeat(100_000)}}` });
  cases.push({ what: "invalid UTF-8", body: Buffer.concat([Buffer.from('{"dayUsd":"'), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from('","monthUsd":null}')]), names: "dayUsd" });
  cases.push({ what: "empty body", body: "" });
  // A valid body in another type than JSON: the CSRF form of it.
  for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null]) {
    cases.push({ what: `valid caps as ${type ?? "no content type"}`, body: JSON.stringify({ dayUsd: 1, monthUsd: 1 }), type });
  }

  const problems: string[] = [];
  let before = await readCaps();
  expect(before).toEqual(FUZZ_CAPS);
  for (const c of cases) {
    const headers: Record<string, string> = c.type === null ? {} : { "content-type": c.type ?? "application/json" };
    const answer = await send("PUT", "/api/settings/caps", { headers, body: c.body });
    const problem = refusalProblem(answer, c.names);
    if (c.type !== undefined && answer.status !== 415) problems.push(`${c.what}: ${answer.status}, not 415 (${answer.body.slice(0, 200)})`);
    if (problem) problems.push(`${c.what}: ${problem} (${answer.body.slice(0, 200)})`);
    const after = await readCaps();
    if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${c.what}: the caps changed from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
    before = after;
  }
  expect(problems, `${cases.length} hostile caps bodies`).toEqual([]);
  expect(cases.length).toBeGreaterThan(150);
});

test("POST /api/jobs: a hostile Idempotency-Key is refused by name (or by the HTTP layer) before a valid body starts a run; a replay answers 200 with the same run; the key with another body is 422", async () => {
  test.setTimeout(120_000);
  const start = await stored();
  const problems: string[] = [];
  for (const key of HOSTILE_IDEMPOTENCY_KEYS) {
    // A CR or LF splits the header: what follows it is another header (or the body), so the key
    // the app sees may be a valid one. Those go with a body the model refuses: no run either way.
    const body = key.layer === "split" ? JSON.stringify({ prompt: "" }) : JSON.stringify(textImageBody({ prompt: "an idempotency key that must be refused" }));
    const answer = await sendJson("POST", "/api/jobs", body, { "idempotency-key": key.value });
    const what = `Idempotency-Key ${key.what}`;
    if (key.layer === "split") {
      if (answer.error || answer.status >= 500 || answer.status < 400) problems.push(`${what}: ${answer.error ?? answer.status} ${answer.body.slice(0, 200)}`);
      continue;
    }
    // Node's parser may answer it (400, 431) and close; a close while the rest of the request is
    // still unread can reach us as a reset instead of that answer (TCP), which is the same refusal.
    if (key.layer === "refuse" && (isHttpLayerRefusal(answer) || /ECONNRESET|EPIPE/.test(answer.error ?? ""))) continue;
    const problem = refusalProblem(answer, "Idempotency-Key");
    if (problem) problems.push(`${what}: ${problem} (${answer.body.slice(0, 200)})`);
    else if (answer.status !== 422) problems.push(`${what}: ${answer.status}, not 422 (${answer.body.slice(0, 200)})`);
  }
  expect(problems, `${HOSTILE_IDEMPOTENCY_KEYS.length} hostile keys`).toEqual([]);
  expect(await stored(), "no run, hold or cap changed by a refused key").toEqual(start);

  // The same key and body again (its keys in another order): the same run, 200, nothing new.
  const key = `e2e-replay-${randomUUID()}`;
  const request = textImageBody({ prompt: `idempotency replay ${key}` });
  const first = await sendJson("POST", "/api/jobs", JSON.stringify(request), { "idempotency-key": key });
  expect(first.status, first.body).toBe(201);
  const id = (JSON.parse(first.body) as { id: string }).id;
  const reordered = Object.fromEntries(Object.entries(request).reverse());
  const replay = await sendJson("POST", "/api/jobs", JSON.stringify(reordered), { "idempotency-key": key });
  expect(replay.status, replay.body).toBe(200);
  expect((JSON.parse(replay.body) as { id: string }).id).toBe(id);
  const other = await sendJson("POST", "/api/jobs", JSON.stringify({ ...request, seed: 7 }), { "idempotency-key": key });
  expect(refusalProblem(other, "Idempotency-Key"), other.body).toBeNull();
  expect(other.status).toBe(422);
  expect(await waitUntilFinished(id)).toBe("completed");
  const end = await stored();
  expect(end.runs.filter((r) => !start.runs.includes(r)).map((r) => r.split(" ")[0]), "runs made: the replayed one only").toEqual([id]);
  expect(end.caps).toEqual(start.caps);
});

test("a run past a spending cap is refused 402 spend_cap_reached and stores nothing: no run, no hold, and its Idempotency-Key stays free", async () => {
  test.setTimeout(90_000);
  const lowered = await sendJson("PUT", "/api/settings/caps", JSON.stringify({ ...FUZZ_CAPS, dayUsd: 0 }));
  expect(lowered.status, lowered.body).toBe(200);
  const key = `e2e-cap-${randomUUID()}`;
  const body = JSON.stringify(textImageBody({ prompt: `past the cap ${key}` }));
  try {
    const start = await stored();
    for (const headers of [{}, { "idempotency-key": key }] as Record<string, string>[]) {
      const answer = await sendJson("POST", "/api/jobs", body, headers);
      expect(refusalProblem(answer), answer.body).toBeNull();
      expect(answer.status, answer.body).toBe(402);
      expect(JSON.parse(answer.body).error.code).toBe("spend_cap_reached");
    }
    expect(await stored(), "nothing stored by a run refused at the cap").toEqual(start);
  } finally {
    const restored = await sendJson("PUT", "/api/settings/caps", JSON.stringify(FUZZ_CAPS));
    expect(restored.status, restored.body).toBe(200);
  }
  // The refused run did not use the key up: the same key and body now make the run.
  const admitted = await sendJson("POST", "/api/jobs", body, { "idempotency-key": key });
  expect(admitted.status, admitted.body).toBe(201);
  expect(await waitUntilFinished((JSON.parse(admitted.body) as { id: string }).id)).toBe("completed");
});

test("POST /api/jobs/[id]/cancel: ids of no waiting run are refused (404; 409 for a finished run, which stays finished); dot segments reach no other route", async () => {
  test.setTimeout(90_000);
  const start = await stored();
  const problems: string[] = [];
  for (const id of HOSTILE_CANCEL_IDS) {
    const answer = await send("POST", `/api/jobs/${id}/cancel`);
    // Dot segments are resolved before routing (to /api/cancel, no route: Next's own 404 page).
    const resolvedAway = /^(\.\.|%2e%2e)$/i.test(id);
    if (answer.error || answer.status < 400 || answer.status >= 500) problems.push(`${shown(id)}: ${answer.error ?? answer.status} ${answer.body.slice(0, 200)}`);
    else if (!resolvedAway) {
      const problem = refusalProblem(answer);
      if (problem) problems.push(`${shown(id)}: ${problem}`);
      else if (![400, 404].includes(answer.status)) problems.push(`${shown(id)}: ${answer.status}, not 404 (${answer.body.slice(0, 200)})`);
    }
  }
  for (const id of [finishedRunId, finishedRunId.toUpperCase()]) {
    const answer = await send("POST", `/api/jobs/${id}/cancel`);
    expect(refusalProblem(answer), answer.body).toBeNull();
    expect(answer.status, answer.body).toBe(409);
    expect(JSON.parse(answer.body).error.code).toBe("not_cancellable");
  }
  expect(problems, `${HOSTILE_CANCEL_IDS.length} hostile ids`).toEqual([]);
  const all = await send("POST", "/api/jobs/cancel-waiting");
  expect([all.status, all.body]).toEqual([200, '{"cancelled":0}']);
  expect(await stored(), "no run cancelled, no hold released").toEqual(start);
  expect((await readJson<{ status: string }>(`/api/jobs/${finishedRunId}`)).status).toBe("completed");
});

test("GET /api/spend/ledger is a download no other site can read: attachment, text/csv, nosniff, no-store, no CORS; a cross-site read is 403", async () => {
  const res = await fetch(`${url()}/api/spend/ledger`, { headers: { cookie, origin: "http://evil.example" } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="spend-ledger-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
  expect([...res.headers.keys()].filter((h) => h.startsWith("access-control-")), "CORS headers").toEqual([]);
  const lines = (await res.text()).trimEnd().split("\r\n");
  expect(lines[0]).toBe("id,time,kind,job_id,model,task_type,amount_usd,images,note");
  expect(lines.some((l) => l.includes(finishedRunId)), "the finished run is in the ledger").toBe(true);
  for (const line of lines) expect(line, "no field starts like a formula").not.toMatch(/(^|,)"?[=+\-@\t\r]/);
  // Another site's page reading it (fetch or a <script>/<img> probe): refused before the handler.
  for (const mode of ["cors", "no-cors"]) {
    const probe = await send("GET", "/api/spend/ledger", { headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": mode, origin: "http://evil.example" } });
    expect(probe.status, `${mode}: ${probe.body}`).toBe(403);
    expect(JSON.parse(probe.body).error.code).toBe("cross_site");
  }
  const preflight = await fetch(`${url()}/api/spend/ledger`, { method: "OPTIONS", headers: { cookie, origin: "http://evil.example", "access-control-request-method": "GET" } });
  expect(preflight.status).toBeLessThan(500);
  expect([...preflight.headers.keys()].filter((h) => h.startsWith("access-control-")), "CORS headers on a preflight").toEqual([]);
});
