import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { machineLine, type BudgetCheck } from "./print";
import { cleanupAll, killAllSync, signalAllSync } from "./processes";
import { BenchSetupError, requireBuild } from "./servers";

/** True when the module at `metaUrl` is the script tsx was asked to run. */
export function isEntry(metaUrl: string): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(metaUrl));
  } catch {
    return false;
  }
}

/**
 * Runs a benchmark as a program: prints the machine, stops every server it started however it
 * ends (finish, error, Ctrl-C, SIGTERM), and exits 0 when every budget held, 2 when a budget
 * was missed (the numbers are printed either way), 1 when the benchmark itself failed.
 */
export function runEntry(body: () => Promise<BudgetCheck[]>): void {
  process.once("exit", killAllSync);
  // `on`, not `once`: a second signal (tsx relays Ctrl-C too) must not kill us mid-cleanup.
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      signalAllSync("SIGTERM");
      console.error(`\n${signal}: stopping benchmark servers`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
  console.log(`machine: ${machineLine()}`);
  console.log(`app directory: ${process.cwd()}`);
  Promise.resolve()
    .then(() => {
      requireBuild();
      return body();
    })
    .then(finish, fail);
}

/** Prints the budget summary and exits 0 (all held) or 2 (one missed), after cleaning up. */
export async function finish(checks: BudgetCheck[]): Promise<never> {
  await cleanupAll();
  const failed = checks.filter((c) => !c.ok);
  console.log(`\n${checks.length - failed.length} of ${checks.length} budgets held${failed.length ? `; missed: ${failed.map((c) => c.label).join(", ")}` : ""}.`);
  process.exit(failed.length ? 2 : 0);
}

/** The benchmark itself failed: clean up, say why, exit 1. */
export async function fail(e: unknown): Promise<never> {
  await cleanupAll();
  console.error(e instanceof BenchSetupError ? e.message : e);
  process.exit(1);
}
