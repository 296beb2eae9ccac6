/**
 * The daily spending cap under a race (issue 11): 200 `POST /api/jobs` sent at once against a
 * $1.00 daily cap, each run costing at most $0.12 (TEXT_IMAGE, default 1024×1024 standard, one
 * image). Admission holds each run's maximum cost in the same transaction that checks the cap,
 * under one advisory lock (lib/db/run-admission.ts), so exactly 8 may be accepted (8 × 0.12 =
 * 0.96; a 9th would make 1.08) and 192 must be refused with 402.
 *
 * The cap is set as a user sets it, `PUT /api/settings/caps {dayUsd: 1, monthUsd: null}` (no
 * SPEND_CAP_* ceiling). While the posts run, a GET /api/budget starts every 20 ms (from the
 * posts until the queue is empty) and spentUsd + reservedUsd of the day is recorded: it must
 * never exceed $1.00. When the queue is empty the ledger CSV (GET /api/spend/ledger) must hold
 * one reserve and one settle of $0.12 for each accepted run and nothing else, and GET /api/spend
 * must say $0.96 today; the engine must have seen 8 submits.
 *
 * Three set-ups, one after the other (BENCH_CAP_SETUPS, default all): `pglite` (the default
 * database, in the app's DATA_DIR); `postgres` (a throwaway server from
 * lib/testing/postgres-server.ts); `postgres-2` (two app instances sharing that database, the
 * posts split between them, GET /api/budget read from each in turn): the multi-instance claim.
 * Which instance wins the 8 places is a matter of timing; what is claimed is that the other one
 * sees those holds, so the two together never admit more than the cap allows. Before the race
 * every instance answers one refused POST /api/jobs, so no route is cold when it starts.
 * UPSTREAM_RPM and the engine's limit are 600, so the race is about money, not rate.
 *
 *   npm run bench:spend-cap-race   (= npx tsx --conditions=react-server bench/spend-cap-race.ts,
 *                                   from the project root after `npx next build`; ~3 minutes)
 *
 * Ports 5611 (engine), 5612 and 5613 (apps) on 127.0.0.1; PostgreSQL on a port the OS picks.
 */
import type { ApiJob, ApiSpendCaps, SpendSummary } from "@/lib/api-types";
import {
  countEngine,
  getJson,
  keepLogs,
  micros,
  post,
  readBudget,
  readLedger,
  startGatewayApp,
  startLoggedEngine,
  startThrowawayPostgres,
  usd,
  waitForEmptyQueue,
  type GatewayApp,
} from "./lib/gateway-stack";
import { keepAliveAgent, request } from "./lib/http";
import { runEntry } from "./lib/main";
import { benchPrompt, randomSeed } from "./lib/options";
import { budget, heading, loadLine, type BudgetCheck } from "./lib/print";
import { makeTempDir, removeTempDir, stopServer, type Server } from "./lib/processes";

const POSTS = 200;
const CAP_USD = 1;
const EXPECTED_ACCEPTED = 8;
const RPM = 600;
const SETUPS = ["pglite", "postgres", "postgres-2"] as const;
type Setup = (typeof SETUPS)[number];

function setupsToRun(): Setup[] {
  const raw = process.env.BENCH_CAP_SETUPS;
  if (!raw) return [...SETUPS];
  const list = raw.split(",").map((s) => s.trim());
  for (const s of list) if (!(SETUPS as readonly string[]).includes(s)) throw new Error(`BENCH_CAP_SETUPS: unknown set-up ${s} (use ${SETUPS.join(",")})`);
  return list as Setup[];
}

/**
 * Reads the day's spent + held every 20 ms until stopped, keeping the largest sum seen. A read
 * starts every 20 ms whether or not the last one was answered (the posts keep the server busy,
 * and a read waiting for the previous answer would sample the burst only a few times); `inside`
 * counts the reads both sent and answered while `busy()` (the posts in flight), so the state they
 * saw was read during the race. On PGlite that is usually none: its one connection answers
 * queries in turn, so a read's queries wait behind the posts' admissions and it is answered
 * just after the last post, when holds are at their highest (they only grow during the race,
 * and a settle later replaces its reserve at the same amount). It is printed, not required.
 */
function sampleHeldAndSpent(apps: GatewayApp[], busy: () => boolean) {
  const agent = keepAliveAgent(32);
  const pending = new Set<Promise<void>>();
  let samples = 0;
  let inside = 0;
  let failed = 0;
  let max = 0;
  let over = 0;
  let k = 0;
  const timer = setInterval(() => {
    const during = busy();
    const read = readBudget(apps[k++ % apps.length], agent).then(
      (b) => {
        const sum = micros(b.spend.day.spentUsd) + micros(b.spend.day.reservedUsd);
        samples++;
        if (during && busy()) inside++;
        max = Math.max(max, sum);
        if (sum > micros(CAP_USD)) over++;
      },
      () => void failed++,
    );
    pending.add(read);
    void read.finally(() => pending.delete(read));
  }, 20);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all([...pending]);
      agent.destroy();
      return { samples, inside, failed, max, over };
    },
  };
}

async function runSetup(setup: Setup): Promise<BudgetCheck[]> {
  heading(`${POSTS} runs at once against a ${usd(micros(CAP_USD))} daily cap: ${setup}`);
  const dir = makeTempDir(`spend-cap-${setup}`);
  const servers: Server[] = [];
  const pg = setup === "pglite" ? undefined : await startThrowawayPostgres();
  try {
    const engine = await startLoggedEngine({ dir, port: 5611, perMinute: RPM, latencyMs: "1000-2000" });
    servers.push(engine.server);
    const apps: GatewayApp[] = [];
    for (const [k, port] of (setup === "postgres-2" ? [5612, 5613] : [5612]).entries()) {
      const app = await startGatewayApp({ name: `app-${"ab"[k]}`, dir, port, engine, databaseUrl: pg?.url ?? "", env: { UPSTREAM_RPM: String(RPM) } });
      servers.push(app.server);
      apps.push(app);
    }
    const caps = await post(apps[0], "/api/settings/caps", { dayUsd: CAP_USD, monthUsd: null }, { method: "PUT" });
    const set = caps.json as ApiSpendCaps;
    if (caps.status !== 200 || set.dayUsd !== CAP_USD) throw new Error(`PUT /api/settings/caps answered ${caps.status}: ${caps.text.slice(0, 200)}`);
    for (const app of apps) {
      const day = (await readBudget(app)).spend.day;
      if (day.capUsd !== CAP_USD || day.spentUsd !== 0 || day.reservedUsd !== 0) throw new Error(`${app.name} starts with ${JSON.stringify(day)}`);
    }
    // Load POST /api/jobs on every instance first (a body it refuses: no run, no hold), so one
    // instance's cold start does not leave the whole race to the other.
    for (const app of apps) {
      const warm = await post(app, "/api/jobs", { task_type: "TEXT_IMAGE" });
      if (warm.status === 201 || warm.status === 200) throw new Error(`the warm-up POST made a run on ${app.name}`);
    }
    console.log(`database ${pg ? "postgresql" : "pglite"} · ${apps.length} app instance(s) · UPSTREAM_RPM ${RPM} · cap read back from every instance · ${loadLine()}`);

    const mark = engine.log.mark();
    let posting = true;
    const sampler = sampleHeldAndSpent(apps, () => posting);
    const agents = apps.map(() => keepAliveAgent(POSTS));
    const t0 = Date.now();
    const answers = await Promise.all(
      Array.from({ length: POSTS }, (_, i) =>
        post(apps[i % apps.length], "/api/jobs", { task_type: "TEXT_IMAGE", prompt: benchPrompt(`spend-cap ${setup}`, i), seed: randomSeed() }, { agent: agents[i % apps.length] }).then(
          (res) => ({ res, app: i % apps.length }),
        ),
      ),
    );
    const postsMs = Date.now() - t0;
    posting = false;
    await waitForEmptyQueue(apps[0], 5 * 60_000);
    const sampled = await sampler.stop();
    for (const a of agents) a.destroy();

    const accepted = answers.filter((a) => a.res.status === 201);
    const refused = answers.filter((a) => a.res.status === 402);
    const others = answers.filter((a) => a.res.status !== 201 && a.res.status !== 402);
    const refusalCodes = new Set(refused.map((a) => (a.res.json as { error?: { code?: string } })?.error?.code));
    const acceptedJobs = accepted.map((a) => a.res.json as ApiJob);
    const acceptedIds = new Set(acceptedJobs.map((j) => j.id));
    const perInstance = apps.map((_, k) => `${accepted.filter((a) => a.app === k).length}/${refused.filter((a) => a.app === k).length}`).join(" + ");
    console.log(
      `${POSTS} posts answered in ${(postsMs / 1000).toFixed(1)} s: ${accepted.length} × 201, ${refused.length} × 402 (${[...refusalCodes].join(", ")}), ${others.length} other` +
        (apps.length > 1 ? ` · accepted/refused per instance ${perInstance}` : "") +
        ` · estimated cost of an accepted run ${[...new Set(acceptedJobs.map((j) => usd(micros(j.estimatedCostUsd))))].join(", ")}`,
    );
    if (refused[0]) console.log(`a 402 says: ${(refused[0].res.json as { error: { message: string } }).error.message}`);
    if (others[0]) console.log(`first other answer: ${others[0].res.status} ${others[0].res.text.slice(0, 200)}`);
    console.log(
      `GET /api/budget: ${sampled.samples} samples (${sampled.inside} sent and answered while the posts were in flight, ${sampled.failed} failed), ` +
        `max spent + held today ${usd(sampled.max)}, ${sampled.over} over ${usd(micros(CAP_USD))}`,
    );

    const ledger = await readLedger(apps[0]);
    const reserves = ledger.filter((e) => e.kind === "reserve");
    const settles = ledger.filter((e) => e.kind === "settle");
    const releases = ledger.filter((e) => e.kind === "release");
    const settled = settles.reduce((s, e) => s + e.amountMicros, 0);
    const ledgerIds = new Set(ledger.map((e) => e.jobId));
    const eachOnce = [...acceptedIds].every(
      (id) => reserves.filter((e) => e.jobId === id).length === 1 && settles.filter((e) => e.jobId === id).length === 1,
    );
    const spend = await getJson<SpendSummary>(apps[0], "/api/spend");
    const counts = countEngine(engine.log.since(mark));
    const engineJobs = await engine.jobCount();
    const jobStates = await Promise.all([...acceptedIds].map((id) => request(`${apps[0].url}/api/jobs/${id}`).then((r) => (r.json as ApiJob).status)));
    console.log(
      `ledger: ${ledger.length} rows · ${reserves.length} reserve (${usd(reserves.reduce((s, e) => s + e.amountMicros, 0))}) · ${settles.length} settle (${usd(settled)}) · ` +
        `${releases.length} release · runs in it ${ledgerIds.size}, all of them accepted ones: ${[...ledgerIds].every((id) => acceptedIds.has(id))} · one reserve + one settle per accepted run: ${eachOnce}`,
    );
    console.log(
      `GET /api/spend todayUsd ${usd(micros(spend.todayUsd))} · engine: ${counts.submit} submits, ${counts.rateLimited} × 429, holds ${engineJobs} jobs · ` +
        `accepted runs: ${jobStates.filter((s) => s === "completed").length} completed`,
    );
    keepLogs(servers, `spend-cap-${setup}`, engine);

    const ledgerOk =
      reserves.length === EXPECTED_ACCEPTED &&
      settles.length === EXPECTED_ACCEPTED &&
      releases.length === 0 &&
      eachOnce &&
      ledgerIds.size === acceptedIds.size &&
      settled <= micros(CAP_USD) &&
      micros(spend.todayUsd) === settled;
    return [
      budget(`accepted / refused (${setup})`, `${accepted.length} / ${refused.length}`, `${EXPECTED_ACCEPTED} / ${POSTS - EXPECTED_ACCEPTED}`, accepted.length === EXPECTED_ACCEPTED && refused.length === POSTS - EXPECTED_ACCEPTED && acceptedIds.size === EXPECTED_ACCEPTED),
      budget(`max spent + held today (${setup})`, `${usd(sampled.max)} in ${sampled.samples} samples (${sampled.inside} inside the race)`, `≤ ${usd(micros(CAP_USD))} in every sample`, sampled.over === 0 && sampled.failed === 0 && sampled.max <= micros(CAP_USD)),
      budget(`ledger (${setup})`, `${reserves.length} reserve + ${settles.length} settle = ${usd(settled)}, ${releases.length} release; today ${usd(micros(spend.todayUsd))}`, `${EXPECTED_ACCEPTED} + ${EXPECTED_ACCEPTED}, each run once, ≤ ${usd(micros(CAP_USD))}`, ledgerOk),
      budget(`engine submits (${setup})`, `${counts.submit} submits, ${engineJobs} jobs, ${counts.rateLimited} × 429`, `${EXPECTED_ACCEPTED}, ${EXPECTED_ACCEPTED}, 0`, counts.submit === EXPECTED_ACCEPTED && engineJobs === EXPECTED_ACCEPTED && counts.rateLimited === 0),
    ];
  } finally {
    // The next set-up takes the same ports.
    for (const s of servers.reverse()) await stopServer(s);
    await pg?.stop();
    removeTempDir(dir);
  }
}

runEntry(async (): Promise<BudgetCheck[]> => {
  const checks: BudgetCheck[] = [];
  for (const setup of setupsToRun()) checks.push(...(await runSetup(setup)));
  heading("summary");
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.label}`);
  return checks;
});
