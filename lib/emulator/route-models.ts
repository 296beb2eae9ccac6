import type { IncomingMessage, ServerResponse } from "node:http";
import { invalidParam, modelNotFound } from "@/lib/emulator/api-error";
import { buildModelDetail, buildModelList, type Retirement } from "@/lib/emulator/catalog/catalog-json";
import type { EngineContext } from "@/lib/emulator/engine-context";
import { FaultSyntaxError } from "@/lib/emulator/fault-state";
import { sendJson } from "@/lib/emulator/http-io";

/**
 * GET /v1/models and GET /v1/models/{id} (contract §7; JSON in catalog-json.ts). Authenticated
 * and rate limited like every /v1 route, as the contract counts catalog reads. A `retire` fault,
 * engine-wide or in this request's X-Engine-Faults header, shows its model as retired.
 */
export function handleListModels(ctx: EngineContext, req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 200, buildModelList(retirementsOf(ctx, req)));
}

/** `rawId` is the path segment as sent; one that does not decode names no model. */
export function handleGetModel(ctx: EngineContext, req: IncomingMessage, res: ServerResponse, rawId: string): void {
  let id = rawId;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    throw modelNotFound(rawId);
  }
  const detail = buildModelDetail(id, retirementsOf(ctx, req));
  if (!detail) throw modelNotFound(id);
  sendJson(res, 200, detail);
}

function retirementsOf(ctx: EngineContext, req: IncomingMessage): Retirement[] {
  const header = req.headers["x-engine-faults"];
  try {
    return ctx.faults.retirements(Array.isArray(header) ? header.join(";") : header);
  } catch (e) {
    if (e instanceof FaultSyntaxError) throw invalidParam("X-Engine-Faults", e.message);
    throw e;
  }
}
