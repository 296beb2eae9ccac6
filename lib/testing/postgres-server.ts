import { execFile, execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "@/lib/testing/free-port";

/**
 * A throwaway PostgreSQL server for integration tests: initdb in a temp folder, listening on
 * 127.0.0.1 at a free port (plus a Unix socket inside the folder), stopped and deleted by
 * `stop()`. About 2 s per cycle, so start one per test file and make databases on it.
 */
export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:<port>/<db> (trust auth, no password). */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const run = promisify(execFile);
const PG_ROOT = "/usr/lib/postgresql";

/** The newest installed server's bin folder, e.g. /usr/lib/postgresql/15/bin. */
export function findPostgresBin(root = PG_ROOT): string {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      `No PostgreSQL server binaries under ${root}/*/bin (initdb, pg_ctl). ` +
        "Install them with: apt-get install -y postgresql",
    );
  }
  return path.join(root, versions[0], "bin");
}


const isRoot = () => process.getuid?.() === 0;

/** initdb refuses to run as root: as root, every server command runs as the `postgres` user. */
async function runPg(bin: string, tool: string, args: string[]): Promise<string> {
  const exe = path.join(bin, tool);
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", exe, ...args]] : [exe, args];
  try {
    const { stdout } = await run(cmd, argv);
    return stdout;
  } catch (e) {
    const err = e as Error & { stderr?: string; stdout?: string };
    throw new Error(`${tool} ${args.join(" ")} failed: ${err.stderr || err.stdout || err.message}`, { cause: e });
  }
}

export async function startPostgres(opts: { database?: string } = {}): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const dir = await mkdtemp(path.join(os.tmpdir(), "nova-pg-"));
  const dataDir = path.join(dir, "data");
  if (isRoot()) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    await chown(dir, uid, gid);
  }
  const database = opts.database ?? "nova_test";
  let started = false;
  const stopSync = () => {
    // Last resort if the test process exits without calling stop(): no orphaned postmaster.
    if (!started) return;
    try {
      const exe = path.join(bin, "pg_ctl");
      const args = ["-D", dataDir, "-m", "immediate", "stop"];
      if (isRoot()) execFileSync("runuser", ["-u", "postgres", "--", exe, ...args], { stdio: "ignore" });
      else execFileSync(exe, args, { stdio: "ignore" });
    } catch {
      // Already gone.
    }
  };
  process.once("exit", stopSync);

  try {
    await runPg(bin, "initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
    let port = 0;
    // A free port can be taken between the probe and the start; try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await runPg(bin, "pg_ctl", [
          "-D", dataDir, "-l", path.join(dir, "server.log"), "-w", "-t", "60",
          // fsync off: test data need not survive a power cut.
          "-o", `-h 127.0.0.1 -p ${port} -k ${dir} -F`,
          "start",
        ]);
        started = true;
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
    await runPg(bin, "createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", database]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/${database}`,
      port,
      async stop() {
        process.removeListener("exit", stopSync);
        if (started) {
          await runPg(bin, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]).catch(() => stopSync());
          started = false;
        }
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    stopSync();
    process.removeListener("exit", stopSync);
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
