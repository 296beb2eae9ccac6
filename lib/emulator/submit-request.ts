import { badRequest, invalidParam } from "@/lib/emulator/api-error";
import { takeCompatFields, type ResponseFormat } from "@/lib/emulator/openai-compat";
import { unsupportedReason, unsupportedTask } from "@/lib/emulator/renderers";
import { isTaskType, novaCanvas, outputSize, validateGenerationRequest, type GenerationRequest } from "@/lib/models";

/**
 * A submit body → a validated request, or the 400 the gateway would answer. Validation is the
 * playground's own schema (lib/models), so the engine can never accept what the form rejects
 * or the other way round.
 */
export interface SubmitRequest {
  request: GenerationRequest;
  /** The seed actually used (the request's, else OMITTED_SEED). */
  seed: number;
  sync: boolean;
  responseFormat: ResponseFormat;
  width: number;
  height: number;
}

/** [assumed] Bedrock documents 12 as Nova Canvas's default seed; the gateway says nothing. */
export const OMITTED_SEED = 12;

export function parseSubmit(raw: unknown): SubmitRequest {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw badRequest("invalid_request", "Request body must be a JSON object");
  }
  const { model } = raw as Record<string, unknown>;
  if (model === undefined) throw invalidParam("model", `model is required: use "${novaCanvas.id}"`);
  if (model !== novaCanvas.id) throw invalidParam("model", `model ${JSON.stringify(model)} does not exist here; use "${novaCanvas.id}"`);

  const { sync, responseFormat, body } = takeCompatFields(raw as Record<string, unknown>);
  const early = isTaskType(body.task_type) ? unsupportedTask(body.task_type) : undefined;
  if (early) throw invalidParam(early.param, early.message);
  const result = validateGenerationRequest(body);
  if (!result.ok) {
    const [first] = result.errors;
    const message = result.errors.map((e) => e.message).join("; ");
    throw invalidParam(first?.field ? first.field : null, message || "invalid request");
  }
  const request = result.value;
  const unsupported = unsupportedReason(request);
  if (unsupported) throw invalidParam(unsupported.param, unsupported.message);

  const seed = "seed" in request && typeof request.seed === "number" ? request.seed : OMITTED_SEED;
  const size =
    "aspect_ratio" in request && "size_scale" in request
      ? outputSize(request.aspect_ratio, request.size_scale)
      : outputSize("1:1", "small");
  return { request, seed, sync, responseFormat, ...size };
}
