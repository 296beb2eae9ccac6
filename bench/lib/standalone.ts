import { machineLine, type BudgetCheck } from "./print";
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
  body()
    .then(async (checks) => {
      await cleanupAll();
      const failed = checks.filter((c) => !c.ok);
      console.log(`\n${checks.length - failed.length} of ${checks.length} budgets held${failed.length ? `; missed: ${failed.map((c) => c.label).join(", ")}` : ""}.`);
      process.exit(failed.length ? 2 : 0);
    })
    .catch(async (e: unknown) => {
      await cleanupAll();
      console.error(e);
      process.exit(1);
    });
}
