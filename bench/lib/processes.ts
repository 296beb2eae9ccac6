import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Child servers of a benchmark. Each runs in its own process group (`detached`), so stopping it
 * also stops anything it spawned. Output goes to a log file in
 * the run's temp folder, shown when a server fails. Every server and temp folder is registered
 * and removed by `cleanupAll()`, which the entry point runs on exit, error and Ctrl-C.
 */
export interface Server {
  name: string;
  child: ChildProcess;
  logPath: string;
  exited: boolean;
  /** Set once stopping has begun; everyone who stops it awaits the same promise. */
  stopping?: Promise<void>;
}

const servers = new Set<Server>();
const tempDirs = new Set<string>();
const cleanups = new Set<() => Promise<void>>();
let shuttingDown = false;

/** After Ctrl-C nothing new may start, or it would escape the cleanup already under way. */
function refuseIfShuttingDown(what: string): void {
  if (shuttingDown) throw new Error(`not starting ${what}: the benchmark is stopping`);
}

/** Something else to undo at cleanup (e.g. a throwaway PostgreSQL); returns its unregister. */
export function onCleanup(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** A fresh folder under the OS temp dir, removed at cleanup. */
export function makeTempDir(label: string): string {
  refuseIfShuttingDown(`a ${label} folder`);
  const dir = mkdtempSync(path.join(tmpdir(), `nova-bench-${label}-`));
  tempDirs.add(dir);
  return dir;
}

function removeDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch (e) {
    console.error(`could not remove ${dir}: ${(e as Error).message}`);
  }
}

export function removeTempDir(dir: string): void {
  removeDir(dir);
  tempDirs.delete(dir);
}

export function spawnServer(name: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Server {
  refuseIfShuttingDown(name);
  const logPath = path.join(logDir, `${name}.log`);
  const fd = openSync(logPath, "a");
  // BENCH_SERVER_NODE_ARGS: Node flags for the servers a bench starts, to profile one
  // (`--cpu-prof --cpu-prof-dir=/tmp/prof`: NODE_OPTIONS may not carry them).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: process.cwd(), env, detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const server: Server = { name, child, logPath, exited: false };
  child.once("exit", () => {
    server.exited = true;
  });
  servers.add(server);
  return server;
}

/**
 * As spawnServer, for any command (`npm start`), with each line of its output also handed to
 * `onLine` as it arrives (what it printed, and when: the milestones of a start-up).
 */
export function spawnCommand(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logDir: string, onLine: (line: string) => void): Server {
  refuseIfShuttingDown(name);
  const logPath = path.join(logDir, `${name}.log`);
  const child = spawn(command, args, { cwd: process.cwd(), env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const server: Server = { name, child, logPath, exited: false };
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      appendFileSync(logPath, chunk);
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
  }
  child.once("exit", () => {
    server.exited = true;
  });
  servers.add(server);
  return server;
}

export function logTail(server: Server, lines = 30): string {
  try {
    return readFileSync(server.logPath, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the group, then SIGKILL if anything in it is still alive after `graceMs`. */
export function stopServer(server: Server, graceMs = 5000): Promise<void> {
  server.stopping ??= (async () => {
    const pid = server.child.pid;
    if (pid === undefined) return;
    signalGroup(pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pid)) {
      console.error(`${server.name} still running ${graceMs} ms after SIGTERM: SIGKILL`);
      signalGroup(pid, "SIGKILL");
    }
    servers.delete(server);
  })();
  return server.stopping;
}

export async function cleanupAll(): Promise<void> {
  await Promise.all([...servers].map((s) => stopServer(s)));
  for (const fn of [...cleanups]) await fn().catch(() => undefined);
  cleanups.clear();
  for (const dir of tempDirs) removeDir(dir);
  tempDirs.clear();
}

/** First thing on Ctrl-C: every server gets SIGTERM at once, before anything can interrupt us. */
export function signalAllSync(signal: NodeJS.Signals): void {
  shuttingDown = true;
  for (const s of servers) if (s.child.pid !== undefined) signalGroup(s.child.pid, signal);
}

/** Last resort at process exit (synchronous): kill whatever is still registered. */
export function killAllSync(): void {
  for (const s of servers) if (s.child.pid !== undefined) signalGroup(s.child.pid, "SIGKILL");
  servers.clear();
  for (const dir of tempDirs) removeDir(dir);
  tempDirs.clear();
}
