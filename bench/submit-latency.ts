/**
 * Added latency of `POST /api/jobs` over submitting straight to the engine (DESIGN.md §5:
 * p50 ≤ 10 ms, p99 ≤ 50 ms at 20 concurrent clients, no images).
 *
 * Setup (bench/lib/servers.ts): a standalone offline engine in its own process (key required,
 * rate limit 1,000,000/min so it never answers 429, job latency 10 minutes so no job finishes
 * during the run and no output download or thumbnailing competes for the CPU), and the
 * production build (`next start`, fresh DATA_DIR, PGlite) in gateway mode against that engine.
 * Both paths therefore end at the same engine:
 * - direct: `POST <engine>/v1/images/generations` with exactly the body the app would send
 *   (validateGenerationRequest + buildUpstreamPayload of the same request, built before timing);
 * - app:    `POST <app>/api/jobs` with `{task_type:"TEXT_IMAGE", prompt, seed}` (validation, two
 *   database writes and the upstream submit).
 * Every request has its own prompt and seed. Latency is measured by this process from sending
 * the request to reading the whole answer (202 / 201 required; anything else aborts the run),
 * over keep-alive connections, 20 in flight per path.
 *
 * After a warm-up (BENCH_SUBMIT_WARMUP per path), BENCH_SUBMIT_N requests per path are sent in
 * BENCH_SUBMIT_ROUNDS alternating rounds (direct/app, then app/direct, …), so both paths see the
 * same background. That background includes the app's tracker polling every job submitted
 * through the app so far (first poll ~3 s after submit, then backing off), which is realistic
 * load. "Added p50/p99" is p50/p99 of the app path minus p50/p99 of the direct path; "rate" is
 * completed requests per second of wall time; "app/engine CPU ms/req" is the CPU time the app's
 * (next start + next-server) and the engine's process groups used during that path's requests,
 * divided by their number (from /proc; it includes the tracker's background polling, and it
 * depends far less than latency on whatever else the machine is running). Between the warm-up
 * and the rounds, BENCH_SUBMIT_SEQ_N requests per path are also sent one at a time and reported
 * for information (the app's own cost without queueing); they are not the budget's condition.
 * BENCH_DB=postgres runs the app on PostgreSQL instead of PGlite (the PostgreSQL server's own
 * CPU is then not in "app CPU").
 *
 * Run alone: `npx tsx --conditions=react-server bench/submit-latency.ts` from the project root,
 * after `npx next build`.
 */
import { buildUpstreamPayload, validateGenerationRequest } from "@/lib/models";
import { groupCpuMs } from "./lib/cpu";
import { keepAliveAgent, request } from "./lib/http";
import { isEntry, runEntry } from "./lib/main";
import { benchPrompt, intOption, randomSeed } from "./lib/options";
import { runPool } from "./lib/pool";
import { budget, heading, loadLine, ms, table, type BudgetCheck } from "./lib/print";
import { startStack, type Stack } from "./lib/servers";
import { summarize } from "./lib/stats";

const CONCURRENCY = 20;
const BUDGET_P50_MS = 10;
const BUDGET_P99_MS = 50;

interface Path {
  name: "direct" | "app";
  /** Sends request i; resolves with its latency in ms. */
  send(i: number): Promise<number>;
}

function appRequest(tag: string, i: number) {
  return { task_type: "TEXT_IMAGE", prompt: benchPrompt(tag, i), seed: randomSeed() };
}

function makePaths(stack: Stack): { paths: Path[]; close(): void } {
  const engineAgent = keepAliveAgent(CONCURRENCY);
  const appAgent = keepAliveAgent(CONCURRENCY);
  const timed = async (url: string, body: unknown, headers: Record<string, string>, agent: typeof engineAgent, expect: number) => {
    const t0 = performance.now();
    const res = await request(url, { method: "POST", body, headers, agent });
    const elapsed = performance.now() - t0;
    if (res.status !== expect) throw new Error(`POST ${url} answered ${res.status}: ${res.text.slice(0, 300)}`);
    return elapsed;
  };
  const direct: Path = {
    name: "direct",
    send: (i) => {
      const parsed = validateGenerationRequest(appRequest("direct", i));
      if (!parsed.ok) throw new Error(`bench request invalid: ${JSON.stringify(parsed.errors)}`);
      const payload = buildUpstreamPayload(parsed.value);
      return timed(`${stack.engine.url}/v1/images/generations`, payload, { authorization: `Bearer ${stack.apiKey}` }, engineAgent, 202);
    },
  };
  const app: Path = {
    name: "app",
    send: (i) => timed(`${stack.app.url}/api/jobs`, appRequest("app", i), {}, appAgent, 201),
  };
  // Idle keep-alive sockets would hold up the servers' graceful shutdown.
  return { paths: [direct, app], close: () => [engineAgent, appAgent].forEach((a) => a.destroy()) };
}

interface Phase {
  samples: number[];
  wallMs: number;
  /** CPU used meanwhile by the app's and the engine's process groups (null without /proc). */
  appCpuMs: number | null;
  engineCpuMs: number | null;
}

const emptyPhase = (): Phase => ({ samples: [], wallMs: 0, appCpuMs: 0, engineCpuMs: 0 });
const delta = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
const addCpu = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

async function measure(stack: Stack, path: Path, count: number, concurrency: number, firstIndex: number, deadline: number): Promise<Phase> {
  const cpu = () => [groupCpuMs(stack.app.server.child.pid), groupCpuMs(stack.engine.server.child.pid)];
  const [app0, engine0] = cpu();
  const t0 = performance.now();
  const samples = await runPool(count, concurrency, deadline, (i) => path.send(firstIndex + i));
  const wallMs = performance.now() - t0;
  const [app1, engine1] = cpu();
  return { samples, wallMs, appCpuMs: delta(app0, app1), engineCpuMs: delta(engine0, engine1) };
}

function row(label: string, p: Phase) {
  const s = summarize(p.samples);
  const perReq = (v: number | null) => (v === null ? "n/a" : (v / s.n).toFixed(2));
  return [label, s.n, ms(s.min), ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max), ms(s.mean), `${((s.n / p.wallMs) * 1000).toFixed(0)}/s`, perReq(p.appCpuMs), perReq(p.engineCpuMs)];
}

const HEADER = ["path", "n", "min", "p50", "p90", "p99", "max", "mean", "rate", "app CPU ms/req", "engine CPU ms/req"];

export async function benchSubmitLatency(): Promise<BudgetCheck[]> {
  const n = intOption("BENCH_SUBMIT_N", 400, 20);
  const warmup = intOption("BENCH_SUBMIT_WARMUP", 60, 0);
  const rounds = intOption("BENCH_SUBMIT_ROUNDS", 4, 1, 50);
  const sequential = intOption("BENCH_SUBMIT_SEQ_N", 100, 0);
  heading("submit latency: POST /api/jobs vs POST <engine>/v1/images/generations");
  const stack = await startStack({ engineLatencyMs: "600000", engineRateLimitPerMin: 1_000_000, label: "submit" });
  console.log(`database ${stack.database} · ${n} requests per path after ${warmup} warm-up, ${CONCURRENCY} in flight, ${rounds} alternating rounds · ${loadLine()}`);
  try {
    const { paths, close } = makePaths(stack);
    const deadline = Date.now() + 10 * 60_000;
    for (const p of paths) await measure(stack, p, warmup, CONCURRENCY, -1_000_000, deadline);
    // Informational, measured first while few jobs are being tracked: the same requests one at
    // a time show the app's own cost without queueing.
    let sequentialLines: () => void = () => undefined;
    if (sequential > 0) {
      const seqDirect = await measure(stack, paths[0], sequential, 1, 2_000_000, deadline);
      const seqApp = await measure(stack, paths[1], sequential, 1, 2_000_000, deadline);
      sequentialLines = () => {
        console.log(`1 in flight (informational, not the budget's condition; measured before the rounds above):`);
        table(HEADER, [row("direct (engine)", seqDirect), row("app (/api/jobs)", seqApp)]);
        const sd = summarize(seqDirect.samples);
        const sa = summarize(seqApp.samples);
        console.log(`1 in flight: added p50 ${ms(sa.p50 - sd.p50)}, added p99 ${ms(sa.p99 - sd.p99)}`);
      };
    }
    const phases: Record<Path["name"], Phase> = { direct: emptyPhase(), app: emptyPhase() };
    let sent = 0;
    for (let r = 0; r < rounds; r++) {
      const size = Math.floor(n / rounds) + (r < n % rounds ? 1 : 0);
      const order = r % 2 === 0 ? paths : [...paths].reverse();
      for (const p of order) {
        const got = await measure(stack, p, size, CONCURRENCY, sent, deadline);
        const acc = phases[p.name];
        acc.samples.push(...got.samples);
        acc.wallMs += got.wallMs;
        acc.appCpuMs = addCpu(acc.appCpuMs, got.appCpuMs);
        acc.engineCpuMs = addCpu(acc.engineCpuMs, got.engineCpuMs);
      }
      sent += size;
    }
    console.log(`${CONCURRENCY} in flight (the budget's condition):`);
    table(HEADER, [row("direct (engine)", phases.direct), row("app (/api/jobs)", phases.app)]);
    const d = summarize(phases.direct.samples);
    const a = summarize(phases.app.samples);
    const addedP50 = a.p50 - d.p50;
    const addedP99 = a.p99 - d.p99;
    sequentialLines();
    console.log(loadLine());
    close();
    return [
      budget(`submit added p50 (${stack.database})`, ms(addedP50), `≤ ${BUDGET_P50_MS} ms`, addedP50 <= BUDGET_P50_MS),
      budget(`submit added p99 (${stack.database})`, ms(addedP99), `≤ ${BUDGET_P99_MS} ms`, addedP99 <= BUDGET_P99_MS),
    ];
  } finally {
    await stack.stop();
  }
}

if (isEntry(import.meta.url)) runEntry(benchSubmitLatency);
