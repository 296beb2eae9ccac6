import "server-only";
import { execFile } from "node:child_process";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";

/**
 * How the embedded database is started, and how a new one is made (bench/idle-memory.ts measures
 * both; BENCHMARKS.md, "Server memory").
 *
 * shared_buffers: initdb writes 128MB into postgresql.conf, and PGlite keeps Postgres's shared
 * memory (the buffers, lock tables, …) inside its WebAssembly heap, allocated and touched at
 * start: 128MB of buffers held about 155 MiB resident in an otherwise idle server. The app's data
 * is small and the folder's files sit in the operating system's page cache anyway, so a page
 * missing from the buffers costs a read from memory, not from disk: 16MB keeps the catalog and the
 * hot pages of jobs and images in buffers at 30 MiB resident.
 */
export const PGLITE_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

const run = promisify(execFile);
const INITDB_SCRIPT = "scripts/pglite-initdb.mjs";
const INITDB_TIMEOUT_MS = 120_000;

/**
 * Makes sure `dir` holds a database. A new one is made by scripts/pglite-initdb.mjs in a process
 * of its own (see there: PGlite's initdb leaves over 150 MiB behind in the process that runs it),
 * in a sibling folder that is renamed into place when complete, so an interrupted first start
 * leaves no half-made database. A folder that is neither empty nor a database is left to PGlite,
 * as before.
 */
export async function ensurePgliteCluster(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => null);
  if (entries === null || entries.length > 0) return;
  const staging = `${dir}.creating`;
  await rm(staging, { recursive: true, force: true });
  try {
    // The app runs from the project root (as for the migrations folder); nothing of its
    // environment is needed, so none of it is passed on.
    await run(process.execPath, [path.resolve(process.cwd(), INITDB_SCRIPT), staging, JSON.stringify(PGLITE_START_PARAMS)], {
      cwd: process.cwd(),
      env: {} as NodeJS.ProcessEnv,
      timeout: INITDB_TIMEOUT_MS,
    });
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    const err = e as Error & { stderr?: string };
    throw new Error(`Could not create the embedded database in ${dir}: ${(err.stderr || err.message).trim().slice(0, 2000)}`, { cause: e });
  }
  // `dir` exists and is empty: rename(2) replaces it in one step.
  await rename(staging, dir);
}
