import type { IncomingMessage, ServerResponse } from "node:http";
import { EngineError, insufficientCredits, invalidParam, modelUnavailable, rateLimited, serverError } from "@/lib/emulator/api-error";
import { renderOutput, type EngineContext } from "@/lib/emulator/engine-context";
import { FaultSyntaxError, type SubmitFaults } from "@/lib/emulator/fault-state";
import { readJsonBody, sendJson } from "@/lib/emulator/http-io";
import { JobStore, planOutcome, type EngineJob } from "@/lib/emulator/job-store";
import { jobDuration } from "@/lib/emulator/job-timeline";
import { outputItems, urlResponse, type ImagesResponse } from "@/lib/emulator/job-view";
import { canonicalJson } from "@/lib/emulator/prng";
import { parseSubmit, type SubmitRequest } from "@/lib/emulator/submit-request";

/** POST /v1/images/generations: 202 {job_id, status} or, with "sync": true, 200 ImagesResponse. */
export async function handleSubmit(ctx: EngineContext, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const raw = await readJsonBody(req, ctx.options.maxBodyBytes);
  const faults = decideFaults(ctx, req.headers["x-engine-faults"]);
  if (faults.refuse) throw refusal(faults.refuse.status, faults.refuse.retryAfterSeconds);
  const model = (raw as { model?: unknown } | null)?.model;
  const retired = faults.retired.find((r) => r.model === model);
  if (retired) throw modelUnavailable(retired.model, retired.on);

  const { inputFetchTimeoutMs, maxBodyBytes, allowPrivateUrls } = ctx.options;
  const submit = await parseSubmit(raw, { timeoutMs: inputFetchTimeoutMs, maxBytes: maxBodyBytes, allowPrivateUrls });
  const job = createJob(ctx, submit, faults);
  // With a dataDir the job is on disk before anyone hears of it, so a restart cannot lose it.
  await ctx.jobs.add(job);
  if (!submit.sync) return sendJson(res, 202, { job_id: job.id, status: "queued" });

  if (!(await waitUnlessGone(ctx, res, job.durationMs))) return;
  const headers = { "X-Job-Id": job.id };
  if (job.outcome.kind === "failed") {
    const { code, message } = job.outcome.error;
    // A filtered prompt is the caller's problem (OpenAI answers 400 for content policy); anything else is ours.
    const status = code === "content_filtered" ? 400 : 500;
    throw new EngineError(status, status === 400 ? "invalid_request_error" : "server_error", code, message, null, headers);
  }
  const body = submit.responseFormat === "b64_json" ? await base64Response(ctx, job) : urlResponse(ctx, origin, job);
  sendJson(res, 200, body, headers);
}

function decideFaults(ctx: EngineContext, header: string | string[] | undefined): SubmitFaults {
  try {
    return ctx.faults.forSubmit(Array.isArray(header) ? header.join(";") : header);
  } catch (e) {
    if (e instanceof FaultSyntaxError) throw invalidParam("X-Engine-Faults", e.message);
    throw e;
  }
}

function refusal(status: 402 | 429 | 500, retryAfterSeconds: number): EngineError {
  if (status === 402) return insufficientCredits();
  if (status === 429) return rateLimited(retryAfterSeconds, "Rate limit exceeded (injected fault)");
  return serverError("Internal server error (injected fault)");
}

function createJob(ctx: EngineContext, submit: SubmitRequest, faults: SubmitFaults): EngineJob {
  const { request, inputs, seed, width, height, numberOfImages } = submit;
  const returnsMask = request.task_type === "VIRTUAL_TRY_ON" && request.return_mask === true;
  // The seed is left out of the key: image i is rendered from (key, seed + i).
  const withoutSeed: Record<string, unknown> = { ...request };
  delete withoutSeed.seed;
  return {
    id: JobStore.newId(),
    createdAt: Date.now(),
    durationMs: jobDuration({
      latencyMs: ctx.options.latencyMs,
      premium: "quality" in request && request.quality === "premium",
      large: "size_scale" in request && request.size_scale === "large",
      extraMs: faults.job.latency ?? 0,
    }),
    render: { request, inputs, requestKey: canonicalJson(withoutSeed), seed, width, height },
    numberOfImages,
    maskIndex: returnsMask ? numberOfImages : undefined,
    outcome: planOutcome(numberOfImages, faults.job),
    faults: faults.job,
    polls: 0,
  };
}

async function base64Response(ctx: EngineContext, job: EngineJob): Promise<ImagesResponse> {
  const items = outputItems(job);
  const pngs = await Promise.all(items.map((item) => renderOutput(ctx, job, item.index)));
  return {
    created: Math.floor((job.createdAt + job.durationMs) / 1000),
    data: pngs.map((p, k) => ({ b64_json: p.toString("base64"), ...(items[k].mask ? { role: "mask" as const } : {}) })),
  };
}

/** Holds a sync request for the job's duration; false when the client left or the engine closed. */
function waitUnlessGone(ctx: EngineContext, res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      res.off("close", onClose);
      ctx.waiting.delete(cancel);
      resolve(ok);
    };
    const timer = setTimeout(() => finish(true), ms);
    const onClose = () => finish(false);
    const cancel = () => finish(false);
    res.on("close", onClose);
    ctx.waiting.add(cancel);
  });
}
