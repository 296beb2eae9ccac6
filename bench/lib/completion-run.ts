import type { ApiJob } from "@/lib/api-types";
import { keepAliveAgent, request, sleep } from "./http";
import { benchPrompt, intOption, randomSeed } from "./options";
import { runPool } from "./pool";
import { loadLine } from "./print";
import { startStack, type Stack } from "./servers";

/**
 * One run of real jobs end to end, shared by completion-lag.ts and polls-per-job.ts (run-all
 * runs it once for both).
 *
 * Setup: standalone engine with the default job latency (ENGINE_LATENCY_MS 2000-4000 unless
 * BENCH_ENGINE_LATENCY_MS says otherwise) and a rate limit of 1,000,000/min (the point is the
 * tracker's timing, not 429 handling); the production build in gateway mode against it.
 * Jobs: TEXT_IMAGE with the default output (1:1, small = 1024×1024, one image, standard), each
 * with its own prompt and seed. BENCH_JOBS jobs (20), BENCH_JOB_CONCURRENCY (5) at a time: each
 * worker submits through `POST /api/jobs`, reads `GET /api/jobs/{id}` every 250 ms until the
 * job is terminal (60 s limit per job), then submits its next one. BENCH_WARMUP_JOBS (2) run
 * first, one at a time, and are reported separately (cold start: route modules, sharp).
 *
 * After every job is done, the engine's own record of each is read from
 * `GET <engine>/v1/jobs/{upstreamJobId}` (ApiJob exposes the upstream id): `completed_at` is
 * when the upstream job finished (its timeline is a pure function of the clock, so this is
 * exact, not the time of some poll), `created_at` when it was accepted. Both servers run on
 * this machine, so both timestamps come from the same clock.
 */
export interface JobRecord {
  job: ApiJob;
  /** Engine: when the upstream job finished (ms since epoch). */
  upstreamCompletedAt: number;
  /** Engine: when the upstream job was accepted. */
  upstreamCreatedAt: number;
  warmup: boolean;
}

export interface CompletionRun {
  records: JobRecord[];
  database: string;
  engineLatency: string;
  concurrency: number;
}

const POLL_MS = 250;
const JOB_LIMIT_MS = 60_000;

async function runJob(stack: Stack, agent: ReturnType<typeof keepAliveAgent>, label: string, i: number): Promise<ApiJob> {
  const res = await request(`${stack.app.url}/api/jobs`, {
    method: "POST",
    agent,
    body: { task_type: "TEXT_IMAGE", prompt: benchPrompt(label, i), seed: randomSeed() },
  });
  if (res.status !== 201) throw new Error(`POST /api/jobs answered ${res.status}: ${res.text.slice(0, 300)}`);
  const id = (res.json as ApiJob).id;
  const deadline = Date.now() + JOB_LIMIT_MS;
  while (Date.now() < deadline) {
    await sleep(POLL_MS);
    const got = await request(`${stack.app.url}/api/jobs/${id}`, { agent });
    if (got.status !== 200) throw new Error(`GET /api/jobs/${id} answered ${got.status}: ${got.text.slice(0, 300)}`);
    const job = got.json as ApiJob;
    if (job.status === "completed") return job;
    if (job.status === "failed") throw new Error(`job ${id} failed: ${JSON.stringify(job.error)}`);
  }
  throw new Error(`job ${id} not finished after ${JOB_LIMIT_MS} ms`);
}

async function upstreamTimes(stack: Stack, job: ApiJob): Promise<{ completedAt: number; createdAt: number }> {
  if (!job.upstreamJobId) throw new Error(`job ${job.id} has no upstreamJobId`);
  const res = await request(`${stack.engine.url}/v1/jobs/${job.upstreamJobId}`, { headers: { authorization: `Bearer ${stack.apiKey}` } });
  const body = res.json as { completed_at?: string | null; created_at?: string; status?: string };
  if (res.status !== 200 || body.status !== "completed" || !body.completed_at || !body.created_at) {
    throw new Error(`engine GET /v1/jobs/${job.upstreamJobId} answered ${res.status}: ${res.text.slice(0, 300)}`);
  }
  return { completedAt: Date.parse(body.completed_at), createdAt: Date.parse(body.created_at) };
}

export async function runCompletionJobs(): Promise<CompletionRun> {
  const jobs = intOption("BENCH_JOBS", 20);
  const concurrency = intOption("BENCH_JOB_CONCURRENCY", 5, 1, 50);
  const warmups = intOption("BENCH_WARMUP_JOBS", 2, 0, 20);
  const engineLatency = process.env.BENCH_ENGINE_LATENCY_MS || "2000-4000";
  const stack = await startStack({ engineLatencyMs: engineLatency, engineRateLimitPerMin: 1_000_000, label: "completion" });
  console.log(`database ${stack.database} · ${jobs} jobs (1024×1024 TEXT_IMAGE), ${concurrency} at a time, after ${warmups} warm-up · engine latency ${engineLatency} ms · ${loadLine()}`);
  try {
    const agent = keepAliveAgent(concurrency);
    const deadline = Date.now() + 10 * 60_000;
    const warm = await runPool(warmups, 1, deadline, (i) => runJob(stack, agent, "completion warm-up", i));
    const measured = await runPool(jobs, concurrency, deadline, (i) => runJob(stack, agent, "completion", i));
    const records: JobRecord[] = [];
    for (const [list, warmup] of [[warm, true], [measured, false]] as const) {
      for (const job of list) {
        const t = await upstreamTimes(stack, job);
        records.push({ job, upstreamCompletedAt: t.completedAt, upstreamCreatedAt: t.createdAt, warmup });
      }
    }
    console.log(loadLine());
    agent.destroy();
    return { records, database: stack.database, engineLatency, concurrency };
  } finally {
    await stack.stop();
  }
}
