import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * An app server the spec owns (not a Playwright webServer), for tests that kill and restart it.
 * It is `scripts/serve.mjs` (what `npm start` runs), in its own process group (`detached`), killed
 * as a group (`process.kill(-pid, signal)`) so nothing it started outlives it.
 */
export interface AppServer {
  readonly url: string;
  readonly pid: number;
  /** Everything the server wrote to stdout and stderr so far. */
  logs(): string;
  /** True once the process group leader has exited. */
  exited(): boolean;
  /** SIGKILL to the whole process group, then wait for the leader to exit. */
  kill(): Promise<void>;
  /** Sends `signal` to the server process alone (SIGTERM: it drains and exits by itself). */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with how the process ended (ms: from this call), or rejects after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

export interface StartAppServerOptions {
  port: number;
  env: Record<string, string>;
  /** How long to wait for /api/ready. */
  timeoutMs: number;
}

/** The project root (where `next build` wrote .next). */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export async function startAppServer({ port, env, timeoutMs }: StartAppServerOptions): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}`;
  // A leftover server on the port would answer the readiness probe in place of ours.
  if (await answers(url)) throw new Error(`something already answers on ${url}; stop it first`);
  const child: ChildProcess = spawn(
    process.execPath,
    ["scripts/serve.mjs"],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), ...env },
    },
  );
  if (child.pid === undefined) throw new Error("could not spawn scripts/serve.mjs");
  const pid = child.pid;
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString("utf8")));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString("utf8")));
  let hasExited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
    });
  });

  const server: AppServer = {
    url,
    pid,
    logs: () => output,
    exited: () => hasExited,
    async kill() {
      if (!hasExited) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "ESRCH") throw e;
        }
        await exit;
      }
      // The group's other members (next-server) die with the same signal; wait until none is left.
      const deadline = Date.now() + 10_000;
      while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
    },
    signal(signal) {
      process.kill(pid, signal);
    },
    async waitForExit(timeoutMs) {
      const from = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`server ${pid} still running after ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return { ...(await Promise.race([exit, late])), ms: Date.now() - from };
      } finally {
        clearTimeout(timer);
      }
    },
  };

  try {
    await waitForReady(url, timeoutMs, () => hasExited);
  } catch (e) {
    await server.kill();
    throw new Error(`${(e as Error).message}\n--- server output ---\n${output}`);
  }
  return server;
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until GET {url}/api/ready answers 200: database answering with every migration, storage
 * writable, runtime up (/api/health answers as soon as the process does, before all that).
 */
export async function waitForReady(url: string, timeoutMs: number, gaveUp: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (gaveUp()) throw new Error(`server at ${url} exited before it was ready (${last})`);
    try {
      const res = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`server at ${url} not ready after ${timeoutMs} ms (${last})`);
}
