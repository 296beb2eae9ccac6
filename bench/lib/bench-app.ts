import path from "node:path";
import { mkdirSync } from "node:fs";
import { freePort, request, sleep } from "./http";
import { benchPrompt, randomSeed } from "./options";
import { startBenchPostgres } from "./bench-postgres";
import { makeTempDir, removeTempDir, spawnServer, stopServer, type Server } from "./processes";
import { cleanEnv, waitAppReady, type BenchDatabase } from "./servers";

/**
 * The production build (`scripts/serve.mjs`) in offline mode (no API key: the in-process engine),
 * with a fresh DATA_DIR, on PGlite (the embedded default) or a throwaway PostgreSQL, for the
 * benchmarks that read the server process itself (bench/idle-memory.ts, bench/submit-cpu.ts).
 * serve.mjs runs Next.js in its own process, so `pid` is the whole server: its /proc/<pid>/stat
 * and /proc/<pid>/status are the app's CPU time and memory. It is returned once GET /api/ready
 * answers 200 (database, migrations, storage and runtime up).
 */
export interface BenchApp {
  url: string;
  pid: number;
  database: BenchDatabase;
  stop(): Promise<void>;
}

export interface BenchAppOptions {
  label: string;
  database: BenchDatabase;
  /** Variables of lib/env.ts to set (engine latency, request budget, BENCH_BARE_ROUTE, …). */
  env?: Record<string, string>;
}

export async function startBenchApp(opts: BenchAppOptions): Promise<BenchApp> {
  const dir = makeTempDir(opts.label);
  const dataDir = path.join(dir, "data");
  mkdirSync(dataDir);
  let stopDb: (() => Promise<void>) | undefined;
  let server: Server | undefined;
  const stop = async () => {
    if (server) await stopServer(server);
    await stopDb?.();
    removeTempDir(dir);
  };
  try {
    let databaseUrl = "";
    if (opts.database === "postgres") {
      const pg = await startBenchPostgres();
      stopDb = pg.stop;
      databaseUrl = pg.url;
    }
    const port = await freePort();
    const env = cleanEnv({ ...opts.env, HOST: "127.0.0.1", PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" });
    server = spawnServer("app", ["scripts/serve.mjs"], env, dir);
    const url = `http://127.0.0.1:${port}`;
    await waitAppReady(server, url, 120_000, "offline");
    return { url, pid: server.child.pid!, database: opts.database, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** A text-to-image run for POST /api/jobs (no images: the submit's own cost). */
export function textRun(tag: string, i: number): Record<string, unknown> {
  return { task_type: "TEXT_IMAGE", prompt: benchPrompt(tag, i), seed: randomSeed() };
}

/** Waits until none of the app's most recent `n` runs is unfinished; throws after `timeoutMs`. */
export async function waitForRunsToEnd(url: string, n: number, timeoutMs: number): Promise<{ completed: number; failed: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(`${url}/api/jobs?limit=${Math.min(n, 100)}`);
    const items = (res.json as { items?: { status: string }[] } | undefined)?.items ?? [];
    const open = items.filter((j) => !["completed", "failed", "cancelled"].includes(j.status));
    if (res.status === 200 && open.length === 0) {
      return { completed: items.filter((j) => j.status === "completed").length, failed: items.filter((j) => j.status === "failed").length };
    }
    if (Date.now() > deadline) throw new Error(`${open.length} of ${items.length} runs still unfinished after ${timeoutMs} ms`);
    await sleep(500);
  }
}
