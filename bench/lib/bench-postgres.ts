import { startPostgres } from "@/lib/testing/postgres-server";
import { onCleanup } from "./processes";

/**
 * A throwaway PostgreSQL server for a benchmark's app (BENCH_DB=postgres and the like): initdb in
 * a temp folder as in the integration tests, stopped by `stop()` or, if the benchmark ends first,
 * by its cleanup.
 */
export async function startBenchPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const pg = await startPostgres({ database: "nova_bench" });
  const unregister = onCleanup(() => pg.stop());
  return {
    url: pg.url,
    stop: async () => {
      unregister();
      await pg.stop();
    },
  };
}
