/**
 * App CPU per `POST /api/jobs` against a bare route of the same build (DESIGN.md §5: ≤ 2×).
 *
 * Setup (bench/lib/bench-app.ts): the production build (`scripts/serve.mjs`, one process) in
 * offline mode, a fresh DATA_DIR, PGlite (BENCH_DB=postgres: a throwaway PostgreSQL, whose own
 * CPU is then not counted), started with BENCH_BARE_ROUTE=1, which turns on the reference:
 * - bare: `POST /api/bench/bare-submit` (lib/jobs/bare-submit.ts): the shared guard, then the
 *   body, as it came, to the in-process engine as one submit; no validation, database or queue;
 * - app:  `POST /api/jobs` with `{task_type:"TEXT_IMAGE", prompt, seed}`: validation, the inputs
 *   and caps, the admission transaction, the run queue's pass (request budget, claim, payload,
 *   the same submit to the engine, the answer recorded) and the job read back for the answer.
 * The bare route gets exactly the payload the app sends the engine for the same request
 * (validateGenerationRequest + buildUpstreamPayload, built before timing), so the engine's
 * share of the CPU is the same on both paths. The engine's jobs last 10 minutes (no job ends,
 * no poll, no image is made during the run) and the request budget and the engine's rate limit
 * are far above what is sent.
 *
 * One request at a time. After BENCH_CPU_WARMUP requests per path (default 1,000: both paths' CPU
 * per request keeps falling for about that many requests while V8 optimizes their JavaScript and
 * PGlite's WebAssembly tiers up, on the one compile thread the app allows it; with 40, or 300, the
 * first rounds measured mostly that), BENCH_CPU_ROUNDS rounds (default 15), each BENCH_CPU_N
 * requests (default 100) of one path then the other (the
 * order alternates). A round's figure is the server process's CPU time (/proc/<pid>/stat, user +
 * system, 10 ms ticks) over its requests divided by their number: process CPU time, not wall
 * time, since other work on the machine stretches the wall clock but not this process's CPU.
 * Reported: the median over the rounds for each path and their ratio (the budget), the range of
 * the per-round ratios, and the wall-clock p50 of each path (informational).
 *
 *   npm run bench:submit-cpu   (= npx tsx --conditions=react-server bench/submit-cpu.ts, from the
 *                               project root after `npx next build`)
 */
import { buildUpstreamPayload, validateGenerationRequest } from "@/lib/models";
import { startBenchApp, textRun, type BenchApp } from "./lib/bench-app";
import { groupCpuMs } from "./lib/cpu";
import { keepAliveAgent, request } from "./lib/http";
import { isEntry, runEntry } from "./lib/main";
import { intOption } from "./lib/options";
import { budget, heading, loadLine, ms, table, type BudgetCheck } from "./lib/print";
import { benchDatabase, BenchSetupError } from "./lib/servers";
import { percentile } from "./lib/stats";

const BUDGET_RATIO = 2;
const APP_ENV = {
  BENCH_BARE_ROUTE: "1",
  ENGINE_LATENCY_MS: "600000",
  ENGINE_RATE_LIMIT_PER_MIN: "1000000",
  UPSTREAM_RPM: "100000",
};

interface Path {
  name: "bare" | "app";
  /** Sends request i and reads the whole answer; resolves with the wall time in ms. */
  send(i: number): Promise<number>;
}

function makePaths(app: BenchApp): { paths: Path[]; close(): void } {
  const agent = keepAliveAgent(1);
  const post = async (route: string, body: unknown, expect: number) => {
    const t0 = performance.now();
    const res = await request(`${app.url}${route}`, { method: "POST", body, agent });
    const elapsed = performance.now() - t0;
    if (res.status !== expect) throw new Error(`POST ${route} answered ${res.status}: ${res.text.slice(0, 300)}`);
    return elapsed;
  };
  const upstreamPayload = (i: number) => {
    const parsed = validateGenerationRequest(textRun("bare", i));
    if (!parsed.ok) throw new BenchSetupError(`bench request invalid: ${JSON.stringify(parsed.errors)}`);
    return buildUpstreamPayload(parsed.value);
  };
  const bare: Path = { name: "bare", send: (i) => post("/api/bench/bare-submit", upstreamPayload(i), 201) };
  const appPath: Path = { name: "app", send: (i) => post("/api/jobs", textRun("app", i), 201) };
  return { paths: [bare, appPath], close: () => agent.destroy() };
}

interface Round {
  cpuMsPerRequest: number;
  wallMs: number[];
}

async function runRound(app: BenchApp, path: Path, n: number, first: number): Promise<Round> {
  // The payloads are built before the clock starts; only sending them is measured.
  const wallMs: number[] = [];
  const cpu0 = groupCpuMs(app.pid);
  for (let i = 0; i < n; i++) wallMs.push(await path.send(first + i));
  const cpu1 = groupCpuMs(app.pid);
  if (cpu0 === null || cpu1 === null) throw new BenchSetupError("no /proc: this benchmark needs Linux");
  return { cpuMsPerRequest: (cpu1 - cpu0) / n, wallMs };
}

const median = (xs: number[]) => percentile(xs, 50);

export async function benchSubmitCpu(): Promise<BudgetCheck[]> {
  const warmup = intOption("BENCH_CPU_WARMUP", 1000, 0);
  const rounds = intOption("BENCH_CPU_ROUNDS", 15, 1, 100);
  const n = intOption("BENCH_CPU_N", 100, 10);
  const database = benchDatabase();
  heading("App CPU per submit: POST /api/jobs vs the bare route (same build, same process)");
  const app = await startBenchApp({ label: "submit-cpu", database, env: APP_ENV });
  console.log(`database ${database} · ${warmup} warm-up, then ${rounds} rounds of ${n} requests per path, 1 in flight · ${loadLine()}`);
  const { paths, close } = makePaths(app);
  try {
    for (const p of paths) await runRound(app, p, warmup, -1_000_000);
    const results: Record<Path["name"], Round[]> = { bare: [], app: [] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? paths : [...paths].reverse();
      for (const p of order) results[p.name].push(await runRound(app, p, n, r * n));
    }
    const perRound = results.bare.map((b, r) => results.app[r].cpuMsPerRequest / b.cpuMsPerRequest);
    const cpu = (name: Path["name"]) => median(results[name].map((x) => x.cpuMsPerRequest));
    const wall = (name: Path["name"]) => median(results[name].flatMap((x) => x.wallMs));
    const row = (name: Path["name"], label: string) => {
      const xs = results[name].map((x) => x.cpuMsPerRequest);
      return [label, ms(cpu(name), 2), ms(Math.min(...xs), 2), ms(Math.max(...xs), 2), ms(wall(name), 2)];
    };
    table(["path", "CPU ms/req (median of rounds)", "min round", "max round", "wall p50"], [row("bare", "bare (/api/bench/bare-submit)"), row("app", "app (/api/jobs)")]);
    const ratio = cpu("app") / cpu("bare");
    console.log(`per-round ratios: ${perRound.map((x) => x.toFixed(2)).join(" ")} (median ${median(perRound).toFixed(2)})`);
    console.log(`per-round app / bare CPU ms: ${results.app.map((x, r) => `${x.cpuMsPerRequest.toFixed(2)}/${results.bare[r].cpuMsPerRequest.toFixed(2)}`).join(" ")}`);
    console.log(`app - bare: ${ms(cpu("app") - cpu("bare"), 2)} CPU per submit; wall p50 added ${ms(wall("app") - wall("bare"), 2)}`);
    console.log(loadLine());
    return [budget(`app CPU per submit / bare route (${database})`, `${ratio.toFixed(2)}× (${cpu("app").toFixed(2)} / ${cpu("bare").toFixed(2)} ms)`, `≤ ${BUDGET_RATIO}×`, ratio <= BUDGET_RATIO)];
  } finally {
    close();
    await app.stop();
  }
}

if (isEntry(import.meta.url)) runEntry(benchSubmitCpu);
