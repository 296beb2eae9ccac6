import type { IncomingMessage, ServerResponse } from "node:http";
import { badRequest, invalidParam } from "@/lib/emulator/api-error";
import type { EngineContext } from "@/lib/emulator/engine-context";
import { FaultSyntaxError } from "@/lib/emulator/fault-state";
import { readJsonBody, sendJson } from "@/lib/emulator/http-io";

/**
 * Test control outside /v1 (never rate limited): GET/PUT /_engine/faults replaces the
 * engine-wide fault spec, the same as setFaults() (served only with the controlEndpoints option,
 * see router.ts); GET /_engine/health is a readiness probe.
 */
export async function handlePutFaults(ctx: EngineContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJsonBody(req, 64 * 1024);
  const faults = (body as { faults?: unknown } | null)?.faults;
  if (typeof faults !== "string") throw badRequest("invalid_request", 'Send {"faults": "<spec>"}; "" clears all faults');
  try {
    ctx.faults.set(faults);
  } catch (e) {
    if (e instanceof FaultSyntaxError) throw invalidParam("faults", e.message);
    throw e;
  }
  sendJson(res, 200, ctx.faults.describe());
}

export function handleGetFaults(ctx: EngineContext, res: ServerResponse): void {
  sendJson(res, 200, ctx.faults.describe());
}

export function handleHealth(ctx: EngineContext, res: ServerResponse): void {
  sendJson(res, 200, { ok: true, engine: "offline", jobs: ctx.jobs.size });
}
