import "server-only";
import { env } from "@/lib/env";
import { redact } from "@/lib/secrets/redact";

export { redact };

/**
 * The app's logger: one JSON line per event on stderr. Every line passes through `redact`, so a
 * secret that slipped into an error message or URL never reaches the log.
 */
type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

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
