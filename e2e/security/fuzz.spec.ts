import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { TASK_PARAMS } from "../../lib/models/nova-canvas/schemas";
import { novaCanvas } from "../../lib/models/nova-canvas/definition";
import { validateJobRequest } from "../../lib/models/validate-job-request";
import { findUnstorableChar } from "../../lib/text/storable-text";
import { startAppServer, type AppServer } from "../support/app-server";
import { signIn } from "./support/session";
import { E2E, WAIT } from "../support/env";
import { discoverRoutes, type DiscoveredRoute } from "./support/discover-routes";
import { generateRequests, type FuzzRequest } from "./fuzz/generate-requests";
import { CATALOG_MODELS } from "./fuzz/catalog-job-bodies";
import { NASTY_TEXT, ODD_TEXT } from "./fuzz/hostile-values";
import { KNOWN_JOB_FIELDS } from "./fuzz/job-bodies";
import { isResetOfRefusedBody, judge, summarise, type Failure } from "./fuzz/judge-answers";
import { ROUTES, type Fixtures } from "./fuzz/route-table";
import { sendAll } from "./fuzz/send-requests";
import { capFieldAccepts, capValueAccepted, FUZZ_CAPS, FUZZ_MONTH_CEILING_USD, HOSTILE_USD } from "./fuzz/spend-inputs";

/**
 * The seeded fuzz run (issue 9): at least 2,000 malformed requests per mode across every route
 * the app serves, and not one 5xx; a 4xx from a route handler is the app's error JSON, and a 422
 * names the field that was broken. Nothing the run sends may change what is stored: no job is
 * accepted, no run cancelled, the spending caps and the ledger are as before (issue 11's routes:
 * the caps, Idempotency-Key, cancel). Modes: no password; a password without a session; a password
 * with one. The run has its own two servers: its wrong passwords would lock sign-in from this
 * address on the shared password server for 15 minutes, and its shares would stay behind. FUZZ_SEED replays a run,
 * FUZZ_COUNT changes its size; a failure prints the seed and each failing request in full.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_309);
const COUNT = Number(process.env.FUZZ_COUNT ?? 2_000);
const CONCURRENCY = 4;
const APP_DIR = fileURLToPath(new URL("../../app", import.meta.url));

const routes: DiscoveredRoute[] = discoverRoutes(APP_DIR);
/** The models the offline app offers: a body any of them accepts would start real work. */
const OFFERED = [novaCanvas, ...CATALOG_MODELS];

test("the fuzz tables cover every route under app/ and every job parameter; a seed gives the same requests", () => {
  const served = routes.map((r) => r.pattern);
  expect(served.filter((p) => !ROUTES[p]), "routes under app/ with no entry in e2e/security/fuzz/route-table.ts").toEqual([]);
  expect(Object.keys(ROUTES).filter((p) => !served.includes(p)), "route-table.ts entries for routes that no longer exist").toEqual([]);
  // The job bodies stay invalid only while these hold (job-fields.ts draws "never valid" text from them).
  expect(NASTY_TEXT.filter((t) => findUnstorableChar(t) === null), "NASTY_TEXT entries a field could store").toEqual([]);
  expect(ODD_TEXT.filter((t) => findUnstorableChar(t) !== null), "ODD_TEXT entries no field can store").toEqual([]);
  const params = [...new Set(Object.values(TASK_PARAMS).flat())];
  expect(params.filter((p) => !KNOWN_JOB_FIELDS.includes(p)), "job parameters missing from e2e/security/fuzz/job-fields.ts").toEqual([]);

  const fixtures: Fixtures = { imageId: "i", jobId: "j", shareId: "s", shareToken: "t" };
  const make = (seed: number) => generateRequests({ seed, count: 300, baseUrl: "http://127.0.0.1:1", fixtures, routes });
  const fingerprint = (list: FuzzRequest[]) => list.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.headers)} ${r.body?.toString("base64") ?? ""}`);
  expect(fingerprint(make(SEED))).toEqual(fingerprint(make(SEED)));
  expect(fingerprint(make(SEED + 1))).not.toEqual(fingerprint(make(SEED)));
  // Each request is broken at least one way, and a full run sends every route a fair share.
  const run = generateRequests({ seed: SEED, count: COUNT, baseUrl: "http://127.0.0.1:1", fixtures, routes });
  expect(run.filter((r) => r.what.length === 0), "requests with nothing broken").toEqual([]);
  const perRoute = new Map(served.map((p) => [p, run.filter((r) => r.route === p).length]));
  expect([...perRoute].filter(([, count]) => count < 10), "routes with fewer than 10 requests in a run").toEqual([]);
  // No job body of any mode's run is one the model accepts: the run must never start real work.
  for (const seed of [SEED, SEED + 1, SEED + 2]) {
    const accepted = generateRequests({ seed, count: COUNT, baseUrl: "http://127.0.0.1:1", fixtures, routes })
      .filter((r) => r.route === "/api/jobs" && r.method === "POST" && r.body?.length)
      .filter((r) => {
        try {
          return validateJobRequest(JSON.parse(r.body!.toString("utf8")), (id) => OFFERED.find((m) => m.id === id), () => OFFERED).ok;
        } catch {
          return false; // not JSON: refused before validation
        }
      });
    expect(accepted.map((r) => `#${r.index} ${r.what.join("; ")}: ${r.body!.toString("utf8").slice(0, 200)}`), `valid job bodies (seed ${seed})`).toEqual([]);
  }
  // The caps body: every value the run puts in a cap is one the schema refuses, and so is every
  // broken body it sends; the run reaches the caps, Idempotency-Key and cancel ids often enough.
  expect(HOSTILE_USD.filter(capFieldAccepts), "HOSTILE_USD values a cap accepts").toEqual([]);
  expect(HOSTILE_USD.length, "HOSTILE_USD lost its values to the filter").toBeGreaterThan(50);
  const capsBodies = run.filter((r) => r.route === "/api/settings/caps" && r.method === "PUT" && r.mustRefuse);
  const acceptedCaps = capsBodies.filter((r) => {
    try {
      const v = JSON.parse(r.body!.toString("utf8")) as Record<string, unknown>;
      const keys = Object.keys(v).sort().join(",");
      // The values as parsed (1e309 is Infinity here): written back as JSON it would read as null.
      return keys === "dayUsd,monthUsd" && capValueAccepted(v.dayUsd) && capValueAccepted(v.monthUsd);
    } catch {
      return false;
    }
  });
  expect(acceptedCaps.map((r) => `#${r.index} ${r.what.join("; ")}: ${r.body!.toString("utf8").slice(0, 200)}`), "broken caps bodies the caps accept").toEqual([]);
  expect(capsBodies.length, "broken caps bodies in a run").toBeGreaterThanOrEqual(20);
  expect(run.filter((r) => r.what.some((w) => w.startsWith("header idempotency-key"))).length, "hostile Idempotency-Keys in a run").toBeGreaterThanOrEqual(40);
  expect(run.filter((r) => r.route === "/api/jobs/[id]/cancel" && r.what.includes("path segment id broken")).length, "hostile cancel ids in a run").toBeGreaterThanOrEqual(5);
});

interface Mode {
  name: string;
  server: () => AppServer;
  session: boolean;
}

let offline: AppServer | undefined;
let guarded: AppServer | undefined;
const dataDirs: string[] = [];
const fixturesOf = new Map<string, Fixtures>();
let sessionCookie = "";

async function startServer(port: number, env: Record<string, string>): Promise<AppServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "nova-fuzz-"));
  dataDirs.push(dir);
  return startAppServer({ port, timeoutMs: WAIT.serverStart, env: { DATA_DIR: dir, EMPIRIOLABS_API_KEY: "", ENGINE_LATENCY_MS: "200-400", LOG_LEVEL: "warn", ...env } });
}

/** One finished image, its job and a share of it: real ids, so requests reach past "not found". */
async function makeFixtures(url: string, cookie: string): Promise<Fixtures> {
  const headers = { "content-type": "application/json", origin: url, ...(cookie ? { cookie } : {}) };
  // The caps the run's valid caps body sets again (so an accepted PUT changes nothing).
  const caps = await fetch(`${url}/api/settings/caps`, { method: "PUT", headers, body: JSON.stringify(FUZZ_CAPS) });
  expect(caps.status, await caps.clone().text()).toBe(200);
  const job = await fetch(`${url}/api/jobs`, { method: "POST", headers, body: JSON.stringify({ prompt: "fuzz fixture, a fox in the snow", seed: 1 }) });
  expect(job.status, await job.clone().text()).toBe(201);
  const jobId = ((await job.json()) as { id: string }).id;
  let imageId = "";
  await expect
    .poll(async () => {
      const body = (await (await fetch(`${url}/api/jobs/${jobId}`, { headers })).json()) as { status: string; images: { id: string }[] };
      imageId = body.images[0]?.id ?? "";
      return body.status;
    }, { timeout: WAIT.job })
    .toBe("completed");
  const share = await fetch(`${url}/api/shares`, { method: "POST", headers, body: JSON.stringify({ imageIds: [imageId], title: "fuzz fixture", expiry: "never" }) });
  expect(share.status, await share.clone().text()).toBe(201);
  const { id: shareId, path: sharePath } = (await share.json()) as { id: string; path: string };
  return { imageId, jobId, shareId, shareToken: sharePath.split("/").pop()! };
}

test.beforeAll(async () => {
  test.setTimeout(WAIT.serverStart * 2 + WAIT.job * 2 + 60_000);
  [offline, guarded] = await Promise.all([
    startServer(E2E.ports.ownServers[2], {}),
    // A month ceiling here, so a cap above it is refused too (and the run meets both paths).
    startServer(E2E.ports.ownServers[3], { PLAYGROUND_PASSWORD: E2E.password, SPEND_CAP_MONTH_USD: String(FUZZ_MONTH_CEILING_USD) }),
  ]);
  fixturesOf.set(offline.url, await makeFixtures(offline.url, ""));
  // Signed in before any fuzz request: the run's wrong passwords lock sign-in from this address.
  sessionCookie = await signIn(guarded.url, E2E.password);
  fixturesOf.set(guarded.url, await makeFixtures(guarded.url, sessionCookie));
});

test.afterAll(async () => {
  await Promise.all([offline?.kill(), guarded?.kill()]);
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * What the run must leave as it was: the caps, the ledger (no run admitted or released), each
 * run's status (none created, none cancelled). Read with a session where the server has a password.
 */
async function storedState(url: string, cookie: string): Promise<{ caps: unknown; ledger: string; runs: string[] }> {
  const headers = cookie ? { cookie } : undefined;
  const read = async (path: string) => {
    const res = await fetch(`${url}${path}`, { headers });
    expect(res.status, `GET ${path}`).toBe(200);
    return res.text();
  };
  const runs = (JSON.parse(await read("/api/jobs?limit=100")) as { items: { id: string; status: string }[] }).items.map((j) => `${j.id} ${j.status}`);
  return { caps: JSON.parse(await read("/api/settings/caps")), ledger: await read("/api/spend/ledger"), runs };
}

const MODES: Mode[] = [
  { name: "no password", server: () => offline!, session: false },
  { name: "password, no session", server: () => guarded!, session: false },
  { name: "password, signed in", server: () => guarded!, session: true },
];

MODES.forEach((mode, n) => {
  test(`fuzz: ${COUNT} malformed requests, ${mode.name}: no 5xx, no job accepted`, async () => {
    test.setTimeout(10 * 60_000);
    const server = mode.server();
    const seed = SEED + n;
    const replay = `FUZZ_SEED=${SEED} FUZZ_COUNT=${COUNT} npx playwright test e2e/security/fuzz.spec.ts -g "${mode.name}"`;
    console.log(`fuzz (${mode.name}): seed ${seed}; replay with ${replay}`);
    test.info().annotations.push({ type: "fuzz seed", description: `${seed} (${replay})` });
    const requests = generateRequests({
      seed,
      count: COUNT,
      baseUrl: server.url,
      fixtures: fixturesOf.get(server.url)!,
      routes,
      sessionCookie: mode.session ? sessionCookie : undefined,
    });
    const stateCookie = server === guarded ? sessionCookie : "";
    const before = await storedState(server.url, stateCookie);
    expect(before.caps, "the caps the fixture set").toEqual(FUZZ_CAPS);
    const logStart = server.logs().length;
    const answers = await sendAll(server.url, requests, CONCURRENCY);

    const failures: Failure[] = [];
    requests.forEach((request, i) => {
      const why = judge(request, answers[i]);
      if (why) failures.push({ request, answer: answers[i], why });
    });
    const statuses = new Map<string, number>();
    answers.forEach((a, i) => {
      const key = a.error ? (isResetOfRefusedBody(requests[i], a) ? "reset" : "none") : String(a.status);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    });
    console.log(`fuzz (${mode.name}): ${requests.length} requests; answers ${[...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([s, c]) => `${s}×${c}`).join(" ")}`);
    if (mode.session) {
      // The run must have reached past the sign-in check, or it tested only the 401.
      expect(answers.filter((a) => a.status !== 401).length, "answers other than 401 with a session").toBeGreaterThan(COUNT / 2);
    }
    // A server that died says why in its last lines; a living one, in its error lines.
    const lines = server.logs().slice(logStart).split("\n");
    const log = server.exited()
      ? `The server EXITED during the run. Its last 80 lines:\n${lines.slice(-80).join("\n")}`
      : `Server log (errors, last 30 lines):\n${lines.filter((l) => /"level":"error"|Error:|⨯/.test(l)).slice(-30).join("\n")}`;
    const header = `seed ${seed}, ${mode.name} (${server.url}); replay with ${replay}`;
    expect(failures.length, `${summarise(failures, requests, header)}\n${log}`).toBe(0);
    expect((await fetch(`${server.url}/api/health`)).status, "health after the run").toBe(200);
    expect(await storedState(server.url, stateCookie), "caps, ledger and runs after the run (nothing refused may change them)").toEqual(before);
  });
});
