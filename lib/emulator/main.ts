import { env } from "@/lib/env";
import { startEngine } from "@/lib/emulator/server";
import { standaloneEngineOptions } from "@/lib/emulator/standalone-options";

/**
 * `npm run engine`: the offline engine on its own, configured from the environment
 * (standalone-options.ts: ENGINE_PORT, ENGINE_API_KEY, ENGINE_DATA_DIR, ENGINE_LATENCY_MS,
 * ENGINE_OUTPUT_TTL_S, ENGINE_RATE_LIMIT_PER_MIN, ENGINE_FAULTS, ENGINE_LOG,
 * ENGINE_ALLOW_PRIVATE_URLS). No secret is ever printed.
 */
async function main(): Promise<void> {
  const e = env();
  const engine = await startEngine(standaloneEngineOptions(e));
  const auth = e.ENGINE_API_KEY ? "only the configured ENGINE_API_KEY; PUT /_engine/faults with it" : "any non-empty bearer key; no fault endpoint";
  const jobs = e.ENGINE_DATA_DIR ? `jobs kept in ${e.ENGINE_DATA_DIR}` : "jobs in memory";
  console.log(`Offline engine listening on ${engine.url} (POST ${engine.url}/v1/images/generations, accepts ${auth}; ${jobs})`);
  if (e.ENGINE_ALLOW_PRIVATE_URLS) console.log("Offline engine: image URLs on loopback and private addresses are fetched too (ENGINE_ALLOW_PRIVATE_URLS)");

  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`Offline engine: ${signal}, closing`);
    engine.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main().catch((e: unknown) => {
  console.error(`Offline engine failed to start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
