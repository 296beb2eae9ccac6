import "server-only";
import type { HealthInfo } from "@/lib/api-types";
import { env } from "@/lib/env";

/**
 * GET /api/health: liveness. The process answers, at once, from its settings alone: no database,
 * no runtime, and nothing that loads them (this file imports only lib/env), so a process manager
 * never kills a server that is only slow to start. Whether it can serve is readiness.ts.
 */
export function healthInfo(): HealthInfo {
  const e = env();
  return { ok: true, database: e.DATABASE_URL ? "postgres" : "pglite", upstream: e.EMPIRIOLABS_API_KEY ? "gateway" : "offline" };
}
