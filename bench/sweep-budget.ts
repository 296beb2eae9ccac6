/**
 * A sweep under the account's request limit (issue 12): one 25-cell sweep (5 × 5: CFG 2-10 [5] ×
 * five style presets, one seed) through `POST /api/sweeps` to an app with UPSTREAM_RPM = BENCH_RPM
 * (50), in gateway mode against a standalone engine enforcing the same limit and logging every
 * request (the stack of bench/budget-queue.ts, whose header explains the counting).
 *
 * Acceptance: no 429 from the engine; all 25 cells completed, once each; wall time ≤ 1.15 × the
 * floor = the requests the engine counted ÷ BENCH_RPM a minute. Wall = POST sent → the last
 * cell's `completedAt`.
 *
 *   npm run bench:sweep-budget   (from the project root after `npx next build`; ~2 minutes)
 *
 * Ports 5611 (engine) and 5612 (app) on 127.0.0.1. BENCH_KEEP_LOGS=<folder> keeps the logs.
 */
import type { ApiSweep } from "@/lib/api-types";
import { countEngine, getJson, keepLogs, maxInWindow, post, readBudget, readJobs, startGatewayApp, startLoggedEngine, waitForEmptyQueue } from "./lib/gateway-stack";
import { sleep } from "./lib/http";
import { runEntry } from "./lib/main";
import { randomSeed } from "./lib/options";
import { budget, heading, loadLine, type BudgetCheck } from "./lib/print";
import { makeTempDir } from "./lib/processes";

const ENGINE_PORT = 5611;
const APP_PORT = 5612;
const RATIO_LIMIT = 1.15;
const STYLES = ["PHOTOREALISM", "SOFT_DIGITAL_PAINTING", "DESIGN_SKETCH", "FLAT_VECTOR_ILLUSTRATION", "GRAPHIC_NOVEL_ILLUSTRATION"];

runEntry(async (): Promise<BudgetCheck[]> => {
  const rpm = Number(process.env.BENCH_RPM ?? 50);
  const latency = process.env.BENCH_ENGINE_LATENCY_MS || "1000-2000";
  const dir = makeTempDir("sweep-budget");
  const engine = await startLoggedEngine({ dir, port: ENGINE_PORT, perMinute: rpm, latencyMs: latency });
  const app = await startGatewayApp({ name: "app", dir, port: APP_PORT, engine, databaseUrl: "", env: { UPSTREAM_RPM: String(rpm) } });
  heading(`a 25-cell sweep (5 × 5), UPSTREAM_RPM ${rpm}, engine limit ${rpm}/min, engine latency ${latency} ms (PGlite)`);
  console.log(loadLine());

  await getJson(app, "/api/models");
  const settleBy = Date.now() + 90_000;
  while ((await readBudget(app)).requests.usedLastMinute > 0) {
    if (Date.now() > settleBy) throw new Error("the app's request window did not empty within 90 s of start-up");
    await sleep(1000);
  }

  const mark = engine.log.mark();
  const t0 = Date.now();
  const res = await post(app, "/api/sweeps", {
    base: { task_type: "TEXT_IMAGE", prompt: "a lighthouse on a cliff at dusk, sweep bench", seed: randomSeed() },
    axes: [
      { field: "cfg_scale", values: [2, 4, 6, 8, 10], source: "2-10 [5]" },
      { field: "style", values: STYLES },
    ],
  });
  if (res.status !== 201) throw new Error(`POST /api/sweeps answered ${res.status}: ${res.text.slice(0, 300)}`);
  const sweep = res.json as ApiSweep;
  console.log(`POST /api/sweeps: 201 in ${Date.now() - t0} ms, ${sweep.cells.length} cells, estimate $${sweep.estimatedCostUsd.toFixed(2)}`);

  await waitForEmptyQueue(app, 10 * 60_000);
  const jobs = await readJobs(app, sweep.jobs.map((j) => j.id));
  const lines = engine.log.since(mark);
  const counts = countEngine(lines);
  console.log(loadLine());
  keepLogs([engine.server, app.server], "sweep-budget", engine);

  const completed = jobs.filter((j) => j.status === "completed");
  const upstreamIds = new Set(jobs.map((j) => j.upstreamJobId).filter((x): x is string => x !== null));
  const end = Math.max(...completed.map((j) => Date.parse(j.completedAt!)));
  const wallMs = end - t0;
  const floorMs = (counts.limited / rpm) * 60_000;
  const ratio = wallMs / floorMs;
  console.log(
    `engine: ${counts.submit} submits, ${counts.poll} polls, ${counts.catalog} catalog, ${counts.rateLimited} × 429; counted ${counts.limited}; ` +
      `most in any 60 s: ${maxInWindow(lines, 60_000)} of ${rpm}`,
  );
  console.log(`cells: ${completed.length} of ${jobs.length} completed · distinct upstream ids ${upstreamIds.size}`);
  console.log(`wall ${(wallMs / 1000).toFixed(1)} s · floor ${counts.limited} requests ÷ ${rpm}/min = ${(floorMs / 1000).toFixed(1)} s · ratio ${ratio.toFixed(3)}`);

  return [
    budget("upstream 429s", String(counts.rateLimited), "0", counts.rateLimited === 0),
    budget("cells completed once each", `${completed.length} of 25, ${upstreamIds.size} upstream ids, ${counts.submit} submits`, "25 each", completed.length === 25 && upstreamIds.size === 25 && counts.submit === 25),
    budget("wall / floor", ratio.toFixed(3), `≤ ${RATIO_LIMIT}`, ratio <= RATIO_LIMIT),
  ];
});
