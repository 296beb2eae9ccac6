import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { freePort, request, sleep } from "./http";
import { startBenchPostgres } from "./bench-postgres";
import { logTail, makeTempDir, removeTempDir, spawnServer, stopServer, type Server } from "./processes";

/**
 * The servers a benchmark runs against, started from process.cwd() (the project root):
 * - a standalone offline engine (`lib/emulator/main.ts` under tsx, as `npm run engine` does),
 *   requiring one random key;
 * - the production build (`next start`), in gateway mode against that engine with that key,
 *   with a fresh DATA_DIR (PGlite) of its own.
 * Both bind 127.0.0.1 on free ports. With BENCH_DB=postgres the app uses a throwaway
 * PostgreSQL server instead of PGlite (initdb in a temp folder, fsync off, as in the integration
 * tests; needs the server binaries under /usr/lib/postgresql). Every variable lib/env.ts reads is reset first, so a
 * developer's shell (DATABASE_URL, ENGINE_FAULTS, …) cannot change what is measured.
 */
const APP_VARIABLES = [
  "EMPIRIOLABS_API_KEY", "EMPIRIOLABS_BASE_URL", "DATABASE_URL", "DATA_DIR", "HOST", "PORT",
  "PLAYGROUND_PASSWORD", "ALLOWED_HOSTS", "PUBLIC_URL", "TRUST_PROXY", "SHARE_FRAME_ANCESTORS",
  "UPSTREAM_RPM", "SPEND_CAP_DAY_USD", "SPEND_CAP_MONTH_USD",
  "UPSTREAM_TIMEOUT_MS", "JOB_STUCK_AFTER_MS", "JOB_LEASE_MS", "MAX_BODY_BYTES",
  "ENGINE_PORT", "ENGINE_API_KEY", "ENGINE_LATENCY_MS", "ENGINE_OUTPUT_TTL_S", "ENGINE_RATE_LIMIT_PER_MIN",
  "ENGINE_FAULTS", "ENGINE_LOG", "ENGINE_DATA_DIR", "ENGINE_ALLOW_PRIVATE_URLS", "LOG_LEVEL",
  "S3_BUCKET", "S3_ENDPOINT", "S3_REGION", "S3_FORCE_PATH_STYLE", "S3_PREFIX",
];

export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const drop = new Set([...APP_VARIABLES, "NODE_ENV"]);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !drop.has(name)));
  return { ...inherited, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

export class BenchSetupError extends Error {}

/** The benchmarks measure a production build; they never build one themselves. */
export function requireBuild(): void {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    throw new BenchSetupError(`No production build in ${process.cwd()}/.next: run \`npx next build\` first.`);
  }
  if (!existsSync(path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next"))) {
    throw new BenchSetupError(`Run the benchmarks from the project root (node_modules/next not found in ${process.cwd()}).`);
  }
}

export interface Running {
  url: string;
  server: Server;
}

export async function waitReady(server: Server, url: string, timeoutMs: number, ok: (status: number, json: unknown) => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (server.exited) throw new BenchSetupError(`${server.name} exited during start-up:\n${logTail(server)}`);
    try {
      const res = await request(url, { timeoutMs: 5000 });
      if (ok(res.status, res.json)) return;
      last = `${res.status} ${res.text.slice(0, 200)}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(200);
  }
  throw new BenchSetupError(`${server.name} not ready after ${timeoutMs} ms (${last}):\n${logTail(server)}`);
}

/**
 * The app at `appUrl` is ready (GET /api/ready answers 200: database, migrations, storage and
 * runtime up) and runs against the `upstream` expected (GET /api/health says which).
 */
export async function waitAppReady(server: Server, appUrl: string, timeoutMs: number, upstream: "gateway" | "offline"): Promise<void> {
  await waitReady(server, `${appUrl}/api/ready`, timeoutMs, (s) => s === 200);
  const health = await request(`${appUrl}/api/health`, { timeoutMs: 5000 });
  const mode = (health.json as { upstream?: string } | undefined)?.upstream;
  if (health.status !== 200 || mode !== upstream) throw new BenchSetupError(`${server.name} runs against ${mode ?? "?"} (health ${health.status}), expected ${upstream}`);
}

export type BenchDatabase = "pglite" | "postgres";

export function benchDatabase(): BenchDatabase {
  const v = process.env.BENCH_DB || "pglite";
  if (v !== "pglite" && v !== "postgres") throw new BenchSetupError(`BENCH_DB must be pglite or postgres (got ${v})`);
  return v;
}

export interface Stack {
  engine: Running;
  app: Running;
  apiKey: string;
  database: BenchDatabase;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** ENGINE_LATENCY_MS, e.g. "2000-4000". */
  engineLatencyMs: string;
  engineRateLimitPerMin: number;
  label: string;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  requireBuild();
  const dir = makeTempDir(opts.label);
  const dataDir = path.join(dir, "data");
  mkdirSync(dataDir);
  const apiKey = `sk-bench-${randomBytes(12).toString("hex")}`;
  const database = benchDatabase();
  const started: Server[] = [];
  let stopDb: (() => Promise<void>) | undefined;
  const stop = async () => {
    for (const s of [...started].reverse()) await stopServer(s);
    await stopDb?.();
    removeTempDir(dir);
  };
  try {
    let databaseUrl = "";
    if (database === "postgres") {
      const pg = await startBenchPostgres();
      stopDb = pg.stop;
      databaseUrl = pg.url;
    }
    const enginePort = await freePort();
    const engine = spawnServer(
      "engine",
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/emulator/main.ts"],
      cleanEnv({
        ENGINE_PORT: String(enginePort),
        ENGINE_API_KEY: apiKey,
        ENGINE_LATENCY_MS: opts.engineLatencyMs,
        ENGINE_RATE_LIMIT_PER_MIN: String(opts.engineRateLimitPerMin),
      }),
      dir,
    );
    started.push(engine);
    const engineUrl = `http://127.0.0.1:${enginePort}`;
    await waitReady(engine, `${engineUrl}/_engine/health`, 60_000, (s) => s === 200);

    const appPort = await freePort();
    const app = spawnServer(
      "app",
      ["scripts/serve.mjs"],
      cleanEnv({
        HOST: "127.0.0.1",
        PORT: String(appPort),
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        EMPIRIOLABS_API_KEY: apiKey,
        EMPIRIOLABS_BASE_URL: engineUrl,
      }),
      dir,
    );
    started.push(app);
    const appUrl = `http://127.0.0.1:${appPort}`;
    await waitAppReady(app, appUrl, 120_000, "gateway");
    return { engine: { url: engineUrl, server: engine }, app: { url: appUrl, server: app }, apiKey, database, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
