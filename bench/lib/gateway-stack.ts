import { randomBytes } from "node:crypto";
import { closeSync, copyFileSync, mkdirSync, openSync, readSync, writeFileSync } from "node:fs";
import type http from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import type { ApiBudget, ApiJob } from "@/lib/api-types";
import { startPostgres } from "@/lib/testing/postgres-server";
import { request, sleep, type HttpResult } from "./http";
import { runPool } from "./pool";
import { onCleanup, spawnServer, type Server } from "./processes";
import { BenchSetupError, cleanEnv, waitAppReady, waitReady } from "./servers";

/**
 * Servers for the queue and budget benchmarks (budget-queue.ts, spend-cap-race.ts,
 * queue-acceptance.ts), which play "the account": a standalone engine whose rate limit is the
 * account's, with ENGINE_LOG=1 so that every request it answered can be counted from its own
 * log, and one or more production builds in gateway mode in front of it. Unlike startStack
 * (servers.ts) the ports are fixed by the caller, in 5600–5700 (other checkouts on this machine
 * use 3100–5300), and a port that is taken stops the run instead of being measured.
 */

/** Refuses to start on a port something else holds: its answers would be counted as ours. */
async function requireFreePort(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (e: NodeJS.ErrnoException) =>
      reject(new BenchSetupError(`port ${port} is in use (${e.code}); stop what listens there or choose other ports`)),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/** `control`: /_engine/* (health), outside the account; `other`: any other /v1 route. */
export type EngineRequestKind = "submit" | "poll" | "catalog" | "file" | "control" | "other";

export interface EngineLine {
  /** When this process first read the line (the engine's log has no times): ±0.1 s. */
  at: number;
  method: string;
  path: string;
  status: number;
  kind: EngineRequestKind;
}

/** The routes of lib/emulator/router.ts, by what they cost the account. */
function kindOf(method: string, p: string): EngineRequestKind {
  if (method === "POST" && p === "/v1/images/generations") return "submit";
  if (p.startsWith("/v1/jobs/")) return "poll";
  if (p === "/v1/models" || p.startsWith("/v1/models/")) return "catalog";
  if (p.startsWith("/v1/files/")) return "file";
  return p.startsWith("/v1/") ? "other" : "control";
}

const LINE = /^\[engine\] (\S+) (\S+) (\d{3}) \d+ms$/;

/**
 * The engine's request log (`[engine] METHOD path status ms`, one line per answered request,
 * lib/emulator/server.ts), read as it grows every 100 ms so each line gets a time.
 */
export class EngineLog {
  readonly lines: EngineLine[] = [];
  private offset = 0;
  private partial = "";
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly file: string) {
    this.timer = setInterval(() => {
      try {
        this.read();
      } catch {
        // The folder was removed with its set-up; the lines read so far stay.
        this.stop();
      }
    }, 100);
    this.timer.unref();
  }

  read(): void {
    const fd = openSync(this.file, "r");
    try {
      const buf = Buffer.alloc(1 << 16);
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, this.offset);
        if (n <= 0) break;
        this.offset += n;
        this.partial += buf.subarray(0, n).toString("utf8");
      }
    } finally {
      closeSync(fd);
    }
    const parts = this.partial.split("\n");
    this.partial = parts.pop() ?? "";
    const now = Date.now();
    for (const line of parts) {
      const m = LINE.exec(line.trim());
      if (m) this.lines.push({ at: now, method: m[1], path: m[2], status: Number(m[3]), kind: kindOf(m[1], m[2]) });
    }
  }

  /** Lines read so far: a mark to count from. */
  mark(): number {
    this.read();
    return this.lines.length;
  }

  since(mark: number): EngineLine[] {
    this.read();
    return this.lines.slice(mark);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export interface EngineCounts {
  submit: number;
  poll: number;
  catalog: number;
  file: number;
  control: number;
  other: number;
  /** Answers with status 429, any route. */
  rateLimited: number;
  /**
   * What the engine's limiter counted (lib/emulator/router.ts: every authenticated /v1 route;
   * output files and /_engine/health are answered before it, and a request it refuses with 429
   * is not counted): submits + polls + catalog + other, less the 429s.
   */
  limited: number;
  /** Submits the engine accepted (202). */
  accepted: number;
}

export function countEngine(lines: readonly EngineLine[]): EngineCounts {
  const c: EngineCounts = { submit: 0, poll: 0, catalog: 0, file: 0, control: 0, other: 0, rateLimited: 0, limited: 0, accepted: 0 };
  for (const l of lines) {
    c[l.kind]++;
    if (l.status === 429) c.rateLimited++;
    if (l.kind === "submit" && l.status === 202) c.accepted++;
  }
  c.limited = c.submit + c.poll + c.catalog + c.other - c.rateLimited;
  return c;
}

/** The most requests sent to rate-limited routes in any `windowMs`, 429s included (by read time, so ±0.2 s). */
export function maxInWindow(lines: readonly EngineLine[], windowMs: number): number {
  const times = lines.filter((l) => l.kind !== "file" && l.kind !== "control").map((l) => l.at);
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j] - times[i] >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

export interface LoggedEngine {
  url: string;
  apiKey: string;
  server: Server;
  log: EngineLog;
  /** Jobs the engine holds (GET /_engine/health: not rate limited, not logged as /v1). */
  jobCount(): Promise<number>;
}

export interface EngineSetup {
  dir: string;
  port: number;
  /** ENGINE_RATE_LIMIT_PER_MIN: the account's limit. */
  perMinute: number;
  /** ENGINE_LATENCY_MS, e.g. "1000-2000". */
  latencyMs: string;
}

export async function startLoggedEngine(s: EngineSetup): Promise<LoggedEngine> {
  await requireFreePort(s.port);
  const apiKey = `sk-bench-${randomBytes(12).toString("hex")}`;
  const server = spawnServer(
    `engine-${s.port}`,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/emulator/main.ts"],
    cleanEnv({
      ENGINE_PORT: String(s.port),
      ENGINE_API_KEY: apiKey,
      ENGINE_LATENCY_MS: s.latencyMs,
      ENGINE_RATE_LIMIT_PER_MIN: String(s.perMinute),
      ENGINE_LOG: "1",
    }),
    s.dir,
  );
  const url = `http://127.0.0.1:${s.port}`;
  await waitReady(server, `${url}/_engine/health`, 60_000, (status) => status === 200);
  const log = new EngineLog(server.logPath);
  onCleanup(async () => log.stop());
  return {
    url,
    apiKey,
    server,
    log,
    async jobCount() {
      const res = await request(`${url}/_engine/health`);
      return (res.json as { jobs: number }).jobs;
    },
  };
}

export interface GatewayApp {
  name: string;
  url: string;
  server: Server;
}

export interface AppSetup {
  name: string;
  dir: string;
  port: number;
  engine: LoggedEngine;
  /** PostgreSQL URL; empty: PGlite in the app's own DATA_DIR. */
  databaseUrl: string;
  /** UPSTREAM_RPM and the like. */
  env: Record<string, string>;
}

/** The production build (scripts/serve.mjs) in gateway mode, with a fresh DATA_DIR of its own. */
export async function startGatewayApp(s: AppSetup): Promise<GatewayApp> {
  await requireFreePort(s.port);
  const dataDir = path.join(s.dir, `${s.name}-data`);
  mkdirSync(dataDir);
  const server = spawnServer(
    s.name,
    ["scripts/serve.mjs"],
    cleanEnv({
      ...s.env,
      HOST: "127.0.0.1",
      PORT: String(s.port),
      DATA_DIR: dataDir,
      DATABASE_URL: s.databaseUrl,
      EMPIRIOLABS_API_KEY: s.engine.apiKey,
      EMPIRIOLABS_BASE_URL: s.engine.url,
    }),
    s.dir,
  );
  const url = `http://127.0.0.1:${s.port}`;
  await waitAppReady(server, url, 120_000, "gateway");
  return { name: s.name, url, server };
}

/** A throwaway PostgreSQL (lib/testing/postgres-server.ts, OS-chosen loopback port), removed at cleanup. */
export async function startThrowawayPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const pg = await startPostgres({ database: "nova_bench" });
  const unregister = onCleanup(() => pg.stop());
  return {
    url: pg.url,
    async stop() {
      unregister();
      await pg.stop();
    },
  };
}

/**
 * BENCH_KEEP_LOGS=<folder>: copies the servers' logs there before the temp folders go, and the
 * engine's request lines with the time each was read (ISO, ±0.1 s), which its own log lacks.
 */
export function keepLogs(servers: Server[], label: string, engine?: LoggedEngine): void {
  const into = process.env.BENCH_KEEP_LOGS;
  if (!into) return;
  mkdirSync(into, { recursive: true });
  for (const s of servers) copyFileSync(s.logPath, path.join(into, `${label}-${path.basename(s.logPath)}`));
  if (engine) {
    const timed = engine.log.since(0).map((l) => `${new Date(l.at).toISOString()} ${l.method} ${l.path} ${l.status}\n`);
    writeFileSync(path.join(into, `${label}-engine-timed.log`), timed.join(""));
  }
  console.log(`logs kept in ${into} (${label}-*.log)`);
}

// --- the app's HTTP API, as the playground's page calls it ---

/** A write with the app's own Origin: the app refuses cross-site writes (lib/http/cross-site.ts). */
export function post(
  app: GatewayApp,
  p: string,
  body: unknown,
  opts: { method?: "POST" | "PUT"; headers?: Record<string, string>; agent?: http.Agent } = {},
): Promise<HttpResult> {
  return request(`${app.url}${p}`, { method: opts.method ?? "POST", body, headers: { origin: app.url, ...opts.headers }, agent: opts.agent, timeoutMs: 120_000 });
}

export async function getJson<T>(app: GatewayApp, p: string, agent?: http.Agent, timeoutMs?: number): Promise<T> {
  const res = await request(`${app.url}${p}`, { agent, timeoutMs });
  if (res.status !== 200) throw new Error(`GET ${p} answered ${res.status}: ${res.text.slice(0, 300)}`);
  return res.json as T;
}

export const readBudget = (app: GatewayApp, agent?: http.Agent) => getJson<ApiBudget>(app, "/api/budget", agent);

/** Every job by id (a few at a time, so the reads do not crowd the server). */
export function readJobs(app: GatewayApp, ids: readonly string[]): Promise<ApiJob[]> {
  return runPool(ids.length, 4, Date.now() + 5 * 60_000, (i) => getJson<ApiJob>(app, `/api/jobs/${ids[i]}`));
}

/** Waits until no run waits and none is in flight; `tick` sees each budget read. */
export async function waitForEmptyQueue(app: GatewayApp, timeoutMs: number, tick?: (b: ApiBudget) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const b = await readBudget(app);
    tick?.(b);
    if (b.queue.waiting === 0 && b.queue.inFlight === 0) return;
    if (Date.now() > deadline) throw new Error(`queue not empty after ${timeoutMs} ms: ${JSON.stringify(b.queue)}`);
    await sleep(1000);
  }
}

export interface LedgerEntry {
  id: number;
  time: string;
  kind: "reserve" | "settle" | "release";
  jobId: string;
  model: string;
  taskType: string;
  amountMicros: number;
  images: number;
  note: string;
}

/** GET /api/spend/ledger (RFC 4180 CSV, lib/spend/ledger-csv.ts), parsed. */
export async function readLedger(app: GatewayApp): Promise<LedgerEntry[]> {
  const res = await request(`${app.url}/api/spend/ledger`, { headers: { accept: "text/csv" } });
  if (res.status !== 200) throw new Error(`GET /api/spend/ledger answered ${res.status}: ${res.text.slice(0, 300)}`);
  const [header, ...rows] = parseCsv(res.text);
  const expected = "id,time,kind,job_id,model,task_type,amount_usd,images,note";
  if (header.join(",") !== expected) throw new Error(`ledger CSV header is ${header.join(",")}, expected ${expected}`);
  return rows.map((r) => ({
    id: Number(r[0]),
    time: r[1],
    kind: r[2] as LedgerEntry["kind"],
    jobId: r[3],
    model: r[4],
    taskType: r[5],
    amountMicros: Math.round(Number(r[6]) * 1_000_000),
    images: Number(r[7]),
    note: r[8],
  }));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Dollars as the API shows them → whole micro-dollars, so sums compare exactly. */
export const micros = (usd: number) => Math.round(usd * 1_000_000);
export const usd = (m: number) => `$${(m / 1_000_000).toFixed(2)}`;
