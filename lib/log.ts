import "server-only";
import { env } from "@/lib/env";

/**
 * The app's logger: one JSON line per event on stderr. Every line passes through `redact`, so a
 * secret that slipped into an error message or URL never reaches the log.
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function redact(text: string): string {
  let out = text;
  for (const secret of [env().EMPIRIOLABS_API_KEY, env().ENGINE_API_KEY, env().PLAYGROUND_PASSWORD]) {
    if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  // Bearer tokens and sk- keys of any origin.
  return out.replace(/Bearer\s+[^\s"']+/gi, "Bearer [redacted]").replace(/sk-[A-Za-z0-9_-]{8,}/g, "sk-[redacted]");
}

function describe(value: unknown): unknown {
  if (value instanceof Error) {
    const cause = value.cause instanceof Error ? `; cause: ${value.cause.message}` : "";
    return `${value.name}: ${value.message}${cause}`;
  }
  return value;
}

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[env().LOG_LEVEL]) return;
  const entry: Record<string, unknown> = { t: new Date().toISOString(), level, event };
  for (const [k, v] of Object.entries(fields)) entry[k] = describe(v);
  process.stderr.write(redact(JSON.stringify(entry)) + "\n");
}
