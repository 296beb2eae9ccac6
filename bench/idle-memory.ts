/**
 * Memory of the app server, embedded default (PGlite) and PostgreSQL mode (DESIGN.md §5: RSS
 * idle after start of the embedded default ≤ 300 MiB).
 *
 * Setup (bench/lib/bench-app.ts): the production build (`scripts/serve.mjs`, one process) in
 * offline mode (no API key: the in-process engine), a fresh DATA_DIR, on PGlite or on a throwaway
 * PostgreSQL (whose own memory is not counted: it is another process). The request budget and the
 * engine's rate limit are set high and the engine's latency to 300–600 ms, so 50 runs finish in
 * seconds; nothing else differs from `npm start`.
 *
 * For each database, BENCH_MEMORY_STARTS fresh starts (default 3), each read from
 * /proc/<pid>/status (VmRSS, and VmHWM, the most it ever was resident):
 * - ready: the moment GET /api/ready first answers 200 (database, migrations, storage and
 *   runtime up; a fresh DATA_DIR: for PGlite that includes creating the database);
 * - idle 10 s: ten seconds later, nothing sent;
 * - after 50 runs: BENCH_MEMORY_RUNS (default 50) `POST /api/jobs` text-to-image runs, 5 at a
 *   time, every one completed (images rendered by the engine, downloaded, thumbnailed and stored),
 *   then 2 s idle.
 * Medians over the starts are reported; the budget is the embedded default's "ready" figure.
 *
 *   npm run bench:idle-memory   (= npx tsx --conditions=react-server bench/idle-memory.ts, from the
 *                                project root after `npx next build`; BENCH_MEMORY_DBS=pglite
 *                                or =postgres for one of the two)
 */
import { mib, readProcessMemory } from "@/lib/testing/process-memory";
import { startBenchApp, textRun, waitForRunsToEnd, type BenchApp } from "./lib/bench-app";
import { request, sleep } from "./lib/http";
import { isEntry, runEntry } from "./lib/main";
import { intOption } from "./lib/options";
import { runPool } from "./lib/pool";
import { budget, heading, loadLine, table, type BudgetCheck } from "./lib/print";
import { BenchSetupError, type BenchDatabase } from "./lib/servers";
import { percentile } from "./lib/stats";

const BUDGET_MIB = 300;
const APP_ENV = { UPSTREAM_RPM: "100000", ENGINE_RATE_LIMIT_PER_MIN: "1000000", ENGINE_LATENCY_MS: "300-600" };

interface Reading {
  ready: number;
  idle: number;
  afterRuns: number;
  peak: number;
}

function databases(): BenchDatabase[] {
  const v = process.env.BENCH_MEMORY_DBS || "pglite,postgres";
  const list = v.split(",").map((s) => s.trim());
  for (const d of list) if (d !== "pglite" && d !== "postgres") throw new BenchSetupError(`BENCH_MEMORY_DBS: ${d} is not pglite or postgres`);
  return list as BenchDatabase[];
}

async function submitRuns(app: BenchApp, n: number): Promise<void> {
  await runPool(n, 5, Date.now() + 600_000, async (i) => {
    const res = await request(`${app.url}/api/jobs`, { method: "POST", body: textRun("memory", i) });
    if (res.status !== 201) throw new Error(`POST /api/jobs answered ${res.status}: ${res.text.slice(0, 300)}`);
    return 0;
  });
  const ended = await waitForRunsToEnd(app.url, n, 300_000);
  if (ended.completed < n) throw new Error(`only ${ended.completed} of ${n} runs completed (${ended.failed} failed)`);
}

async function measureStart(database: BenchDatabase, runs: number): Promise<Reading> {
  const app = await startBenchApp({ label: `memory-${database}`, database, env: APP_ENV });
  try {
    const ready = mib(readProcessMemory(app.pid).rssBytes);
    await sleep(10_000);
    const idle = mib(readProcessMemory(app.pid).rssBytes);
    await submitRuns(app, runs);
    await sleep(2000);
    const after = readProcessMemory(app.pid);
    return { ready, idle, afterRuns: mib(after.rssBytes), peak: mib(after.peakBytes) };
  } finally {
    await app.stop();
  }
}

const median = (xs: number[]) => percentile(xs, 50);
const f = (v: number) => `${v.toFixed(0)} MiB`;

export async function benchIdleMemory(): Promise<BudgetCheck[]> {
  const starts = intOption("BENCH_MEMORY_STARTS", 3, 1, 20);
  const runs = intOption("BENCH_MEMORY_RUNS", 50, 1, 1000);
  heading(`Server memory: ${starts} fresh starts per database, then ${runs} runs`);
  console.log(loadLine());
  const results = new Map<BenchDatabase, Reading[]>();
  for (const database of databases()) {
    const readings: Reading[] = [];
    for (let i = 0; i < starts; i++) {
      const r = await measureStart(database, runs);
      console.log(`${database} start ${i + 1}: ready ${f(r.ready)}, idle 10 s ${f(r.idle)}, after ${runs} runs ${f(r.afterRuns)} (peak ${f(r.peak)})`);
      readings.push(r);
    }
    results.set(database, readings);
  }
  const rows = [...results].map(([database, rs]) => [
    database,
    rs.length,
    f(median(rs.map((r) => r.ready))),
    f(median(rs.map((r) => r.idle))),
    f(median(rs.map((r) => r.afterRuns))),
    f(median(rs.map((r) => r.peak))),
  ]);
  console.log();
  table(["database", "starts", "RSS at ready", "idle 10 s", `after ${runs} runs`, "peak (VmHWM)"], rows);
  const checks: BudgetCheck[] = [];
  const embedded = results.get("pglite");
  const pg = results.get("postgres");
  if (embedded && pg) {
    const ratio = median(embedded.map((r) => r.ready)) / median(pg.map((r) => r.ready));
    console.log(`embedded / PostgreSQL mode at ready: ${ratio.toFixed(2)}×`);
  }
  if (embedded) {
    const ready = median(embedded.map((r) => r.ready));
    checks.push(budget("embedded default (PGlite) RSS at ready, median", `${f(ready)} = ${(ready / BUDGET_MIB).toFixed(2)} × the budget`, `${BUDGET_MIB} MiB`, ready <= BUDGET_MIB));
  }
  return checks;
}

if (isEntry(import.meta.url)) runEntry(benchIdleMemory);
