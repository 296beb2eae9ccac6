import { machineLine, type BudgetCheck } from "./print";
import { finish, fail } from "./main";
import { cleanupAll, killAllSync } from "./processes";

/**
 * runEntry (main.ts) for a benchmark that needs no production build and no server (e.g. one that
 * only bundles library code into a blank Chromium page). Same contract: prints the machine,
 * cleans up whatever was registered, exits 0 when every budget held, 2 when one was missed,
 * 1 when the benchmark itself failed.
 */
export function runStandalone(body: () => Promise<BudgetCheck[]>): void {
  process.once("exit", killAllSync);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanupAll().finally(() => process.exit(130)));
  }
  console.log(`machine: ${machineLine()}`);
  body().then(finish, fail);
}
