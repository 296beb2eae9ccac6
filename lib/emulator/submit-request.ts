import { badRequest, invalidParam, modelNotFound } from "@/lib/emulator/api-error";
import { catalogIds } from "@/lib/emulator/catalog/catalog-json";
import { engineImageModel } from "@/lib/emulator/catalog/models";
import { takeCompatFields, type ResponseFormat } from "@/lib/emulator/openai-compat";
import type { FetchLimits } from "@/lib/emulator/input-bytes";
import { prepareInputs, type InputImages } from "@/lib/emulator/prepare-inputs";
import type { EngineRequest } from "@/lib/emulator/render-job";
import { parseCatalogSubmit } from "@/lib/emulator/submit-catalog";
import { novaCanvas, outputSize, validateGenerationRequest, type GenerationRequest } from "@/lib/models";

/**
 * A submit body → a validated request with its input images read and checked, or the 400 the
 * gateway would answer. For the playground's first model, validation is the playground's own
 * schema (lib/models) and its own input rules (lib/images/input-rules.ts), so the engine can
 * never accept what the app rejects or the other way round; the catalog's other models are
 * checked against their catalog entries (submit-catalog.ts). A model the catalog lists that
 * makes no images is a 400; one it does not list, a 404.
 */
export interface SubmitRequest {
  /** Image fields hold "sha256:<hex>" of their bytes; the bytes are in `inputs`. */
  request: EngineRequest;
  numberOfImages: number;
  inputs: InputImages;
  /** The seed actually used (the request's, else OMITTED_SEED). */
  seed: number;
  sync: boolean;
  responseFormat: ResponseFormat;
  width: number;
  height: number;
}

/** [assumed] Bedrock documents 12 as Nova Canvas's default seed; the gateway says nothing. */
export const OMITTED_SEED = 12;

export async function parseSubmit(raw: unknown, limits: FetchLimits): Promise<SubmitRequest> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw badRequest("invalid_request", "Request body must be a JSON object");
  }
  const { model } = raw as Record<string, unknown>;
  if (model === undefined) throw invalidParam("model", "model is required (GET /v1/models lists them)");
  if (typeof model !== "string") throw invalidParam("model", "model must be a model id string (GET /v1/models lists them)");
  if (model !== novaCanvas.id) {
    const catalogModel = engineImageModel(model);
    if (!catalogModel && catalogIds().includes(model)) {
      throw invalidParam("model", `${model} does not make images; choose a model whose output_modalities include "image" (GET /v1/models)`);
    }
    if (!catalogModel) throw modelNotFound(model);
    return parseCatalogSubmit(catalogModel, raw as Record<string, unknown>, limits, OMITTED_SEED);
  }

  const { sync, responseFormat, body } = takeCompatFields(raw as Record<string, unknown>);
  const result = validateGenerationRequest(body);
  if (!result.ok) {
    const [first] = result.errors;
    const message = result.errors.map((e) => e.message).join("; ");
    throw invalidParam(first?.field ? first.field : null, message || "invalid request");
  }
  const { request, inputs, sourceSize } = await prepareInputs<GenerationRequest>(result.value, limits);
  const numberOfImages = "number_of_images" in request ? request.number_of_images : 1;

  const seed = "seed" in request && typeof request.seed === "number" ? request.seed : OMITTED_SEED;
  // TEXT_IMAGE, IMAGE_VARIATION and COLOR_GUIDED_GENERATION choose their size; the others keep the source's.
  const size =
    "aspect_ratio" in request && "size_scale" in request
      ? outputSize(request.aspect_ratio, request.size_scale)
      : (sourceSize ?? outputSize("1:1", "small"));
  return { request, inputs, numberOfImages, seed, sync, responseFormat, ...size };
}
