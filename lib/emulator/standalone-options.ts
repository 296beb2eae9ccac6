import type { EngineOptions } from "@/lib/emulator/engine-options";
import type { Env } from "@/lib/env";

/**
 * The options of `npm run engine` (main.ts), from the validated environment. The fault control
 * endpoint is served only when ENGINE_API_KEY is set (its bearer must equal it); without a key
 * the engine accepts any bearer key, so the endpoint would be open to every local process.
 * ENGINE_DATA_DIR keeps the jobs across restarts; unset, they live in memory.
 * ENGINE_ALLOW_PRIVATE_URLS lets it fetch image URLs on this machine's own networks (tests).
 */
export function standaloneEngineOptions(e: Env): Partial<EngineOptions> {
  return {
    port: e.ENGINE_PORT,
    apiKey: e.ENGINE_API_KEY,
    controlEndpoints: e.ENGINE_API_KEY !== undefined,
    dataDir: e.ENGINE_DATA_DIR,
    latencyMs: e.ENGINE_LATENCY_MS,
    outputTtlSeconds: e.ENGINE_OUTPUT_TTL_S,
    rateLimitPerMinute: e.ENGINE_RATE_LIMIT_PER_MIN,
    faults: e.ENGINE_FAULTS,
    log: e.ENGINE_LOG,
    allowPrivateUrls: e.ENGINE_ALLOW_PRIVATE_URLS,
  };
}
