import { env } from "@/lib/env";
import { startEngine } from "@/lib/emulator/server";

/**
 * `npm run engine`: the offline engine on its own, configured from the environment
 * (ENGINE_PORT, ENGINE_API_KEY, ENGINE_LATENCY_MS, ENGINE_OUTPUT_TTL_S,
 * ENGINE_RATE_LIMIT_PER_MIN, ENGINE_FAULTS, ENGINE_LOG, ENGINE_ALLOW_PRIVATE_URLS). No secret is
 * ever printed.
 */
async function main(): Promise<void> {
  const e = env();
  const engine = await startEngine({
    port: e.ENGINE_PORT,
    apiKey: e.ENGINE_API_KEY,
    latencyMs: e.ENGINE_LATENCY_MS,
    outputTtlSeconds: e.ENGINE_OUTPUT_TTL_S,
    rateLimitPerMinute: e.ENGINE_RATE_LIMIT_PER_MIN,
    faults: e.ENGINE_FAULTS,
    log: e.ENGINE_LOG,
    allowPrivateUrls: e.ENGINE_ALLOW_PRIVATE_URLS,
  });
  const auth = e.ENGINE_API_KEY ? "only the configured ENGINE_API_KEY" : "any non-empty bearer key";
  console.log(`Offline engine listening on ${engine.url} (POST ${engine.url}/v1/images/generations, accepts ${auth})`);
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
