import type { HealthInfo } from "@/lib/api-types";
import { freePort, request, sleep } from "./http";
import { logTail, makeTempDir, spawnServer, stopServer } from "./processes";
import { BenchSetupError } from "./servers";

/**
 * Starts the app for the benchmarks (startApp in app-server.ts is this with no extra variables);
 * a few of the app's own variables may be set, for benchmarks that make
 * images through the in-process offline engine and want it fast (ENGINE_LATENCY_MS). Same setup
 * otherwise: the production build of process.cwd(), offline mode (no API key), a fresh DATA_DIR
 * (PGlite), 127.0.0.1 on a free port, every variable lib/env.ts reads dropped from the inherited
 * environment first. BENCH_APP_URL measures a server that is already running instead (nothing is
 * started, and `env` cannot apply: `pgid` is then undefined).
 */
export interface OfflineApp {
  url: string;
  /** Process group of `next start` (and its next-server), for groupCpuMs; undefined with BENCH_APP_URL. */
  pgid: number | undefined;
  health: HealthInfo;
  /** The variables given, as the app got them; empty with BENCH_APP_URL. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Variables lib/env.ts reads: dropped from the inherited environment so a shell cannot change the setup. */
const APP_VARIABLE = /^(EMPIRIOLABS_|ENGINE_|UPSTREAM_|JOB_)|^(DATABASE_URL|DATA_DIR|HOST|PORT|PLAYGROUND_PASSWORD|MAX_BODY_BYTES|LOG_LEVEL|NODE_ENV)$/;
/** What a caller may set: the engine's and the jobs' knobs, never where or how the app runs. */
const SETTABLE = /^(ENGINE_(LATENCY_MS|RATE_LIMIT_PER_MIN|OUTPUT_TTL_S)|JOB_(STUCK_AFTER_MS|LEASE_MS))$/;

/** Once GET /api/ready answers 200 (database, storage and runtime up): what GET /api/health says. */
async function health(url: string): Promise<HealthInfo> {
  const ready = await request(`${url}/api/ready`, { timeoutMs: 5000 });
  if (ready.status !== 200) throw new Error(`GET /api/ready answered ${ready.status}: ${ready.text.slice(0, 200)}`);
  const res = await request(`${url}/api/health`, { timeoutMs: 5000 });
  if (res.status !== 200) throw new Error(`GET /api/health answered ${res.status}: ${res.text.slice(0, 200)}`);
  return res.json as HealthInfo;
}

export async function startOfflineApp(label: string, extra: Record<string, string>): Promise<OfflineApp> {
  for (const name of Object.keys(extra)) {
    if (!SETTABLE.test(name)) throw new BenchSetupError(`startOfflineApp: ${name} cannot be set here`);
  }
  const existing = process.env.BENCH_APP_URL;
  if (existing) {
    const url = existing.replace(/\/$/, "");
    return { url, pgid: undefined, health: await health(url), env: {}, stop: async () => undefined };
  }
  const dir = makeTempDir(label);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !APP_VARIABLE.test(k))),
    ...extra,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dir,
    LOG_LEVEL: "warn",
  };
  const server = spawnServer("app", ["scripts/serve.mjs"], env, dir);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  let last = "no answer";
  for (;;) {
    if (server.exited) throw new BenchSetupError(`app exited during start-up:\n${logTail(server)}`);
    try {
      const info = await health(url);
      if (info.upstream !== "offline") throw new BenchSetupError(`app started in ${info.upstream} mode, expected offline`);
      return { url, pgid: server.child.pid, health: info, env: { ...extra }, stop: () => stopServer(server) };
    } catch (e) {
      if (e instanceof BenchSetupError) throw e;
      last = (e as Error).message;
    }
    if (Date.now() > deadline) throw new BenchSetupError(`app not ready after 120 s (${last}):\n${logTail(server)}`);
    await sleep(200);
  }
}
