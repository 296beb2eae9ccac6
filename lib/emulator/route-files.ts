import type { ServerResponse } from "node:http";
import { EngineError, notFound } from "@/lib/emulator/api-error";
import { renderOutput, type EngineContext } from "@/lib/emulator/engine-context";
import { sendPng } from "@/lib/emulator/http-io";
import { outputItems } from "@/lib/emulator/job-view";

/**
 * GET /v1/files/{jobId}/{index}.png?expires=…&sig=… — no auth: the signature is the
 * permission, as with the gateway's hosted URLs. The PNG is rendered on first download.
 */
export async function handleGetFile(ctx: EngineContext, res: ServerResponse, jobId: string, index: number, query: URLSearchParams): Promise<void> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const expires = query.get("expires");
  const check = ctx.signer.check(jobId, index, expires, query.get("sig"), nowSeconds);
  if (check === "bad_signature") throw forbidden("invalid_signature", "This file URL's signature is not valid");
  if (check === "expired") throw forbidden("url_expired", "This file URL has expired; fetch the job again or re-run it");

  const job = ctx.jobs.get(jobId);
  const kept = job && outputItems(job).some((item) => item.index === index);
  if (!job || !kept) throw notFound(`No file ${index}.png for job ${jobId}`);
  const png = await renderOutput(ctx, job, index);
  sendPng(res, png, Number(expires) - nowSeconds);
}

function forbidden(code: string, message: string): EngineError {
  return new EngineError(403, "invalid_request_error", code, message);
}
