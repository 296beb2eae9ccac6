/**
 * The run queue under the account's request limit (issue 11): BENCH_RUNS (120) runs submitted
 * at once through `POST /api/jobs` to an app with UPSTREAM_RPM = BENCH_RPM (50), in gateway mode
 * against a standalone engine that enforces the same limit (ENGINE_RATE_LIMIT_PER_MIN, per key,
 * sliding 60 s: lib/emulator/rate-limiter.ts) and logs every request (ENGINE_LOG=1).
 *
 * Acceptance: no 429 from the engine; every run completed, once (120 distinct upstream job ids,
 * the engine saw exactly 120 submits and holds 120 jobs, each run has one image and one settle in
 * the ledger); and wall time ≤ 1.15 × the floor, the floor being the requests the engine
 * counted ÷ BENCH_RPM a minute. The requests counted are the ones the engine's limiter counts:
 * submits, polls and catalog reads (every authenticated /v1 route) that it did not refuse with
 * 429 (a refused request is not counted, and must not make the floor look longer). Output
 * downloads (`/v1/files/…`) are answered before its limiter and the app does not take them from
 * its budget (lib/upstream/client.ts), as the gateway contract says; they are printed, not counted.
 *
 * Before the clock starts the app reads the catalog (GET /api/models waits for it) and the
 * script waits until GET /api/budget shows no request in the app's 61 s window, so the run starts
 * with the whole budget and every request in the floor belongs to it. Wall time = first POST
 * sent → the last run's `completedAt` (our record; same clock). For reference it also prints
 * the window bound: in a sliding 60 s window of L requests the k-th request cannot be made before
 * ⌊(k − 1) / L⌋ minutes, so the last of N not before ⌊(N − 1) / L⌋ minutes (the first L go at
 * once; the floor above counts that minute too, so a perfect queue is under it). Engine job latency
 * BENCH_ENGINE_LATENCY_MS (1000-2000 ms), so nearly every run needs one poll.
 *
 *   npm run bench:budget-queue   (= npx tsx --conditions=react-server bench/budget-queue.ts,
 *                                 from the project root after `npx next build`; ~7 minutes)
 *
 * BENCH_INSTANCES=2 (issue 13): two app instances on one throwaway PostgreSQL, the runs posted
 * alternately to each; the budget they share lives in the database, so the same acceptance holds.
 *
 * Ports 5601 (engine) and 5602 (app; 5603 the second) on 127.0.0.1. BENCH_KEEP_LOGS=<folder>
 * keeps the logs.
 */
import type { ApiJob } from "@/lib/api-types";
import {
  countEngine,
  getJson,
  keepLogs,
  maxInWindow,
  post,
  readBudget,
  readJobs,
  readLedger,
  startLoggedEngine,
  startGatewayApp,
  startThrowawayPostgres,
  waitForEmptyQueue,
  type GatewayApp,
} from "./lib/gateway-stack";
import { keepAliveAgent, sleep } from "./lib/http";
import { runEntry } from "./lib/main";
import { benchPrompt, intOption, randomSeed } from "./lib/options";
import { budget, heading, loadLine, table, type BudgetCheck } from "./lib/print";
import { makeTempDir } from "./lib/processes";
import { summarize } from "./lib/stats";

const ENGINE_PORT = 5601;
const APP_PORT = 5602;
const RATIO_LIMIT = 1.15;

runEntry(async (): Promise<BudgetCheck[]> => {
  const runs = intOption("BENCH_RUNS", 120, 1, 1000);
  const rpm = intOption("BENCH_RPM", 50, 2, 10_000);
  const instances = intOption("BENCH_INSTANCES", 1, 1, 2);
  const latency = process.env.BENCH_ENGINE_LATENCY_MS || "1000-2000";
  const dir = makeTempDir("budget-queue");
  const engine = await startLoggedEngine({ dir, port: ENGINE_PORT, perMinute: rpm, latencyMs: latency });
  const databaseUrl = instances > 1 ? (await startThrowawayPostgres()).url : "";
  const apps: GatewayApp[] = [];
  // One after the other: the first migrates the new database.
  for (let i = 0; i < instances; i++) {
    apps.push(await startGatewayApp({ name: `app${i + 1}`, dir, port: APP_PORT + i, engine, databaseUrl, env: { UPSTREAM_RPM: String(rpm) } }));
  }
  const app = apps[0];
  const setup = instances > 1 ? `${instances} instances on PostgreSQL, runs posted alternately` : "PGlite";
  heading(`${runs} runs at once, UPSTREAM_RPM ${rpm}, engine limit ${rpm}/min, engine latency ${latency} ms (${setup})`);
  console.log(loadLine());

  // The catalog is read once at start (hourly after); let it leave the window before the clock starts.
  for (const a of apps) await getJson(a, "/api/models");
  const catalogAtStart = countEngine(engine.log.since(0)).catalog;
  const settleBy = Date.now() + 90_000;
  while ((await readBudget(app)).requests.usedLastMinute > 0) {
    if (Date.now() > settleBy) throw new Error("the app's request window did not empty within 90 s of start-up");
    await sleep(1000);
  }
  console.log(`catalog read at start-up: ${catalogAtStart} requests, out of the window before the run`);

  const mark = engine.log.mark();
  const agent = keepAliveAgent(runs);
  const t0 = Date.now();
  const answers = await Promise.all(
    Array.from({ length: runs }, async (_, i) => {
      const sent = Date.now();
      const res = await post(apps[i % apps.length], "/api/jobs", { task_type: "TEXT_IMAGE", prompt: benchPrompt("budget-queue", i), seed: randomSeed() }, { agent });
      return { res, ms: Date.now() - sent };
    }),
  );
  const created = answers.filter((a) => a.res.status === 201).map((a) => a.res.json as ApiJob);
  const firstStatus = new Map<string, number>();
  for (const j of created) firstStatus.set(j.status, (firstStatus.get(j.status) ?? 0) + 1);
  const answerMs = summarize(answers.map((a) => a.ms));
  console.log(
    `POST /api/jobs: ${created.length} × 201 of ${runs} (${[...firstStatus].map(([s, n]) => `${n} ${s}`).join(", ")}); ` +
      `answered in p50 ${answerMs.p50} ms, max ${answerMs.max} ms (a POST waits up to 10 s for the queue to send it)`,
  );
  const otherStatuses = answers.filter((a) => a.res.status !== 201);
  if (otherStatuses.length > 0) console.log(`not 201: ${otherStatuses.map((a) => `${a.res.status} ${a.res.text.slice(0, 120)}`).join(" | ")}`);

  let lastPrint = 0;
  await waitForEmptyQueue(app, 20 * 60_000, (b) => {
    if (Date.now() - lastPrint < 30_000) return;
    lastPrint = Date.now();
    const c = countEngine(engine.log.since(mark));
    console.log(
      `  ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s: waiting ${b.queue.waiting}, in flight ${b.queue.inFlight}, ` +
        `app window ${b.requests.usedLastMinute}/${b.requests.perMinute} · engine: ${c.submit} submits, ${c.poll} polls, ${c.rateLimited} × 429`,
    );
  });
  const ids = [...new Set(created.map((j) => j.id))];
  const jobs = await readJobs(app, ids);
  const lines = engine.log.since(mark);
  const counts = countEngine(lines);
  const engineJobs = await engine.jobCount();
  const ledger = await readLedger(app);
  console.log(loadLine());
  keepLogs([engine.server, ...apps.map((a) => a.server)], "budget-queue", engine);
  agent.destroy();

  const completed = jobs.filter((j) => j.status === "completed");
  const failed = jobs.filter((j) => j.status === "failed");
  const upstreamIds = new Set(jobs.map((j) => j.upstreamJobId).filter((x): x is string => x !== null));
  const onceEach = jobs.filter((j) => {
    const own = ledger.filter((e) => e.jobId === j.id);
    return j.images.length === 1 && own.filter((e) => e.kind === "reserve").length === 1 && own.filter((e) => e.kind === "settle").length === 1 && own.length === 2;
  }).length;
  const end = Math.max(...completed.map((j) => Date.parse(j.completedAt!)));
  const wallMs = end - t0;
  const floorMs = (counts.limited / rpm) * 60_000;
  const ratio = wallMs / floorMs;
  const boundMs = Math.floor((counts.limited - 1) / rpm) * 60_000;
  const submitTimes = lines.filter((l) => l.kind === "submit").map((l) => l.at - t0);
  const appPolls = jobs.reduce((s, j) => s + j.upstreamPolls, 0);

  heading("requests the engine answered during the run (its own log)");
  table(
    ["kind", "requests", "counted by its limit"],
    [
      ["submit (POST /v1/images/generations)", counts.submit, "yes"],
      ["poll (GET /v1/jobs/{id})", counts.poll, "yes"],
      ["catalog (GET /v1/models[/{id}])", counts.catalog, "yes"],
      ["other /v1", counts.other, "yes"],
      ["output download (GET /v1/files/…)", counts.file, "no (before auth and limit)"],
      ["of these answered 429 (not counted)", counts.rateLimited, ""],
    ],
  );
  console.log(
    `counted: ${counts.limited} requests · most sent in any 60 s (engine log, ±0.2 s, 429s included): ${maxInWindow(lines, 60_000)} of ${rpm} · ` +
      `app's own poll count (sum of upstreamPolls): ${appPolls} · engine holds ${engineJobs} jobs`,
  );
  console.log(
    `runs: ${completed.length} completed, ${failed.length} failed${failed.length ? ` (${failed.map((j) => j.error?.code).join(", ")})` : ""}, ` +
      `${jobs.length - completed.length - failed.length} other · distinct upstream job ids ${upstreamIds.size} · one image and one reserve + one settle each: ${onceEach}`,
  );
  console.log(
    `submits reached the engine from ${(Math.min(...submitTimes) / 1000).toFixed(1)} s to ${(Math.max(...submitTimes) / 1000).toFixed(1)} s after the first POST`,
  );
  console.log(
    `wall ${(wallMs / 1000).toFixed(1)} s (first POST → last completedAt) · floor ${counts.limited} requests ÷ ${rpm}/min = ${(floorMs / 1000).toFixed(1)} s · ratio ${ratio.toFixed(3)}`,
  );
  console.log(
    `window bound: the last of ${counts.limited} requests at ${rpm}/min not before ${(boundMs / 1000).toFixed(0)} s · wall / bound ${(wallMs / boundMs).toFixed(3)} (information, not a budget)`,
  );

  return [
    budget("upstream 429s", String(counts.rateLimited), "0", counts.rateLimited === 0),
    budget("runs completed", `${completed.length} of ${runs}`, `${runs} of ${runs}`, completed.length === runs && created.length === runs),
    budget(
      "none lost or duplicated",
      `${upstreamIds.size} distinct upstream ids, ${counts.submit} engine submits (${counts.accepted} accepted), ${engineJobs} engine jobs, ${onceEach} runs with one image + one settle`,
      `${runs} each`,
      upstreamIds.size === runs && counts.submit === runs && engineJobs === runs && onceEach === runs && ids.length === runs,
    ),
    budget("wall / floor", ratio.toFixed(3), `≤ ${RATIO_LIMIT}`, ratio <= RATIO_LIMIT),
  ];
});
