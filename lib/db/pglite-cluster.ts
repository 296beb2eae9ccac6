import "server-only";
import { execFile } from "node:child_process";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { setFlagsFromString } from "node:v8";
import { PGlite } from "@electric-sql/pglite";

/**
 * How the embedded database is started, and how a new one is made (bench/idle-memory.ts measures
 * both; BENCHMARKS.md, "Server memory").
 *
 * shared_buffers: initdb writes 128MB into postgresql.conf, and PGlite keeps Postgres's shared
 * memory (the buffers, lock tables, …) inside its WebAssembly heap, allocated and touched at
 * start: 128MB of buffers held about 155 MiB resident in an otherwise idle server. The app's data
 * is small and the folder's files sit in the operating system's page cache anyway, so a page
 * missing from the buffers costs a copy from memory, not a disk read: with 8MB the gallery page
 * at 10,000 images (bench/gallery-page.ts) is as fast as with 16MB or 128MB.
 */
export const PGLITE_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, "-c", "shared_buffers=8MB"];

/**
 * V8 compiles PGlite's 9 MB of WebAssembly, and later its hot functions again with the optimizing
 * compiler, on as many threads as it likes; each thread's compiler memory stays in that thread's
 * malloc arena after it is freed. That made the idle server's RSS vary from 250 to 320 MiB from
 * one start to the next; on one compilation thread it stays at 220–240 MiB, and a 2-core machine has
 * no spare core to compile on anyway. V8 reads this setting when a compilation starts, so it is
 * set before the first PGlite is made; it only limits WebAssembly compilation.
 */
export function limitWasmCompileThreads(): void {
  setFlagsFromString("--wasm-num-compilation-tasks=1");
}

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
