import type { IncomingMessage, ServerResponse } from "node:http";
import { EngineError, notFound, rateLimited } from "@/lib/emulator/api-error";
import { authenticate } from "@/lib/emulator/auth";
import type { EngineContext } from "@/lib/emulator/engine-context";
import { handleGetFaults, handleHealth, handlePutFaults } from "@/lib/emulator/route-control";
import { handleGetFile } from "@/lib/emulator/route-files";
import { handleSubmit } from "@/lib/emulator/route-generations";
import { handleGetJob } from "@/lib/emulator/route-jobs";
import { handleGetModel, handleListModels } from "@/lib/emulator/route-models";

/**
 * Request → handler. Order matters: files and health need no key; everything else under /v1
 * is authenticated, then rate limited per key (so the limit counts polls too, as upstream).
 * /_engine/faults exists only with `controlEndpoints` (which requires a key); otherwise it is
 * an unknown path, checked before any auth so that a 401 does not reveal it.
 */
const FILE = /^\/v1\/files\/([^/]+)\/(\d+)\.png$/;
const JOB = /^\/v1\/jobs\/([^/]+)$/;
const MODEL = /^\/v1\/models\/([^/]+)$/;

export async function dispatch(ctx: EngineContext, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const url = new URL(req.url ?? "/", "http://engine.invalid");
  const path = url.pathname;
  const method = req.method ?? "GET";

  if (path === "/_engine/health") return only(method, ["GET"], () => handleHealth(ctx, res));
  if (path === "/_engine/faults" && ctx.options.controlEndpoints) {
    authenticate(req, ctx.options.apiKey);
    return method === "PUT" ? handlePutFaults(ctx, req, res) : only(method, ["GET", "PUT"], () => handleGetFaults(ctx, res));
  }
  const file = FILE.exec(path);
  if (file) return only(method, ["GET"], () => handleGetFile(ctx, res, decodeURIComponent(file[1]), Number(file[2]), url.searchParams));
  if (!path.startsWith("/v1/")) throw notFound(`No route ${method} ${path}`);

  const key = authenticate(req, ctx.options.apiKey);
  const now = Date.now();
  ctx.limiter.sweep(now);
  const decision = ctx.limiter.take(key, now);
  if (!decision.ok) throw rateLimited(decision.retryAfterSeconds);

  if (path === "/v1/images/generations") return only(method, ["POST"], () => handleSubmit(ctx, req, res, origin));
  const job = JOB.exec(path);
  if (job) return only(method, ["GET"], () => handleGetJob(ctx, res, origin, decodeURIComponent(job[1])));
  if (path === "/v1/models") return only(method, ["GET"], () => handleListModels(ctx, req, res));
  const model = MODEL.exec(path);
  if (model) return only(method, ["GET"], () => handleGetModel(ctx, req, res, model[1]));
  throw notFound(`No route ${method} ${path}`);
}

function only(method: string, allowed: string[], run: () => void | Promise<void>): void | Promise<void> {
  if (!allowed.includes(method)) {
    throw new EngineError(405, "invalid_request_error", "method_not_allowed", `Use ${allowed.join(" or ")} here`, null, {
      Allow: allowed.join(", "),
    });
  }
  return run();
}
