import { freePort, request, sleep } from "./http";
import { logTail, makeTempDir, spawnServer, stopServer } from "./processes";
import { BenchSetupError } from "./servers";

/**
 * The production build of process.cwd() on its own, for the browser benchmarks: offline mode
 * (no API key, the in-process engine), a fresh DATA_DIR, 127.0.0.1 on a free port. Unlike
 * startStack (servers.ts) there is no standalone engine: the pages measured here never reach it.
 * BENCH_APP_URL measures a server that is already running instead (nothing is started then).
 */
export interface App {
  url: string;
  stop(): Promise<void>;
}

/** Variables lib/env.ts reads: dropped from the inherited environment so a shell cannot change the setup. */
const APP_VARIABLE = /^(EMPIRIOLABS_|ENGINE_|UPSTREAM_|JOB_)|^(DATABASE_URL|DATA_DIR|HOST|PORT|PLAYGROUND_PASSWORD|MAX_BODY_BYTES|LOG_LEVEL|NODE_ENV)$/;

export async function startApp(label: string): Promise<App> {
  const existing = process.env.BENCH_APP_URL;
  if (existing) return { url: existing.replace(/\/$/, ""), stop: async () => undefined };
  const dir = makeTempDir(label);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !APP_VARIABLE.test(k))),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dir,
    LOG_LEVEL: "warn",
  };
  const server = spawnServer("app", ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], env, dir);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  let last = "no answer";
  for (;;) {
    if (server.exited) throw new BenchSetupError(`app exited during start-up:\n${logTail(server)}`);
    try {
      const res = await request(`${url}/api/health`, { timeoutMs: 5000 });
      if (res.status === 200) break;
      last = `${res.status} ${res.text.slice(0, 200)}`;
    } catch (e) {
      last = (e as Error).message;
    }
    if (Date.now() > deadline) throw new BenchSetupError(`app not ready after 120 s (${last}):\n${logTail(server)}`);
    await sleep(200);
  }
  return { url, stop: () => stopServer(server) };
}
