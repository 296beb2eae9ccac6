/**
 * Restart of an unchanged, already built checkout (issue 13, part 4): from `npm start` to
 * GET /api/ready answering 200, budget ≤ 5 s on every restart. `npm start` builds only when the
 * source hash differs from the one stored with the build (scripts/start.mjs); a restart that
 * built anyway fails the run.
 *
 * First one `npm start` primes the checkout (it builds if the source changed, and creates the
 * embedded database); then BENCH_RESTARTS (5) restarts on the same data folder, each stopped
 * with SIGTERM. Each row: when start.mjs had checked the hash, when the server listened ("Ready
 * on") and when /api/ready (database, migrations, storage, runtime) first answered 200, both
 * from the spawn of `npm start`; how long /api/health (alive) then took to answer its first
 * request; and how long the SIGTERM drain took to exit.
 *
 *   npm run bench:restart            (from the project root)
 */
import type { ChildProcess } from "node:child_process";
import { freePort, request, sleep } from "./lib/http";
import { runEntry } from "./lib/main";
import { budget, heading, loadLine, ms, table, type BudgetCheck } from "./lib/print";
import { logTail, makeTempDir, spawnCommand, type Server } from "./lib/processes";
import { BenchSetupError, cleanEnv } from "./lib/servers";
import { summarize } from "./lib/stats";

const RESTARTS = Number(process.env.BENCH_RESTARTS ?? 5);
const BUDGET_MS = 5000;

interface Run {
  hashChecked?: number;
  built: boolean;
  listening?: number;
  health?: number;
  ready?: number;
  stop?: number;
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));
}

/** `npm start` until /api/ready answers 200 (the milestones on the way), then SIGTERM and its exit. */
async function startOnce(label: string, dataDir: string, timeoutMs: number): Promise<Run> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run: Run = { built: false };
  const t0 = performance.now();
  const at = () => Math.round(performance.now() - t0);
  const server: Server = spawnCommand(label, "npm", ["start", "--silent"], cleanEnv({ HOST: "127.0.0.1", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "info" }), dataDir, (line) => {
    if (line.startsWith("Source unchanged since the last build")) run.hashChecked = at();
    else if (/building\.$/.test(line) || line.startsWith("Building")) run.built = true;
    else if (line.startsWith("Ready on ")) run.listening = at();
  });
  const deadline = t0 + timeoutMs;
  while (run.ready === undefined) {
    if (server.exited) throw new BenchSetupError(`${label}: npm start exited before it was ready:\n${logTail(server)}`);
    if (performance.now() > deadline) throw new BenchSetupError(`${label}: not ready after ${timeoutMs} ms:\n${logTail(server)}`);
    // Only readiness is polled, as a load balancer would: every request costs the starting
    // server CPU (a route's first request loads its code), and health would add its own.
    const ready = await request(`${url}/api/ready`, { timeoutMs: 2000 }).catch(() => undefined);
    if (ready?.status === 200) run.ready = at();
    else await sleep(25);
  }
  // Alive is answered from the settings alone: once up, at once.
  const healthFrom = performance.now();
  const health = await request(`${url}/api/health`, { timeoutMs: 2000 });
  if (health.status !== 200) throw new BenchSetupError(`${label}: /api/health answered ${health.status} after ready`);
  run.health = Math.round(performance.now() - healthFrom);
  const stopAt = performance.now();
  process.kill(-server.child.pid!, "SIGTERM");
  await exitOf(server.child);
  run.stop = Math.round(performance.now() - stopAt);
  return run;
}

runEntry(async (): Promise<BudgetCheck[]> => {
  const dataDir = makeTempDir("restart");
  heading("prime: npm start once (builds only if the source changed; creates the database)");
  const prime = await startOnce("prime", dataDir, 15 * 60_000);
  console.log(`${prime.built ? "built" : "no build needed"}; ready after ${ms(prime.ready!, 0)}`);

  heading(`${RESTARTS} restarts of the unchanged checkout (times from the spawn of \`npm start\`)`);
  console.log(loadLine());
  const runs: Run[] = [];
  for (let i = 1; i <= RESTARTS; i++) runs.push(await startOnce(`restart-${i}`, dataDir, 120_000));
  table(
    ["restart", "hash checked", "listening", "/api/ready 200", "then /api/health", "SIGTERM → exit"],
    runs.map((r, i) => [String(i + 1), r.built ? "BUILT" : ms(r.hashChecked ?? NaN, 0), ms(r.listening ?? NaN, 0), ms(r.ready!, 0), ms(r.health!, 0), ms(r.stop!, 0)]),
  );
  const ready = summarize(runs.map((r) => r.ready!));
  console.log(`/api/ready 200: median ${ms(ready.p50, 0)}, max ${ms(ready.max, 0)}; SIGTERM → exit max ${ms(Math.max(...runs.map((r) => r.stop!)), 0)}`);
  console.log(loadLine());
  return [
    budget("no restart rebuilt", `${runs.filter((r) => r.built).length} of ${runs.length} built`, "0", runs.every((r) => !r.built)),
    budget("restart → /api/ready 200 (every restart)", ms(ready.max, 0), `${BUDGET_MS} ms`, ready.max <= BUDGET_MS),
    budget("SIGTERM → exit (every restart)", ms(Math.max(...runs.map((r) => r.stop!)), 0), "10000 ms", runs.every((r) => r.stop! <= 10_000)),
  ];
});
