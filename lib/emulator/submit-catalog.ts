import { invalidParam } from "@/lib/emulator/api-error";
import type { EngineImageModel } from "@/lib/emulator/catalog/models";
import { parseResolution, sizeForAspect } from "@/lib/emulator/catalog/output-size";
import { validateParams } from "@/lib/emulator/catalog/validate-params";
import type { FetchLimits } from "@/lib/emulator/input-bytes";
import { applyImageCount, takeTransportFields } from "@/lib/emulator/openai-compat";
import { prepareInputs } from "@/lib/emulator/prepare-inputs";
import type { CatalogJobRequest } from "@/lib/emulator/render-job";
import type { SubmitRequest } from "@/lib/emulator/submit-request";

/**
 * A submit for one of the catalog's other image models, in the generic style a third-party
 * client sends (contract §7): `model`, `prompt`, `num_images` (or OpenAI's `n`), `aspect_ratio`
 * or `resolution`, `seed`, `quality`, `image` as a list of URLs or data: URIs, plus `sync` and
 * `response_format`. Every other field is checked against the model's catalog entry
 * (catalog/validate-params.ts); a problem is the 400 invalid_parameter the first model's
 * submits get, param = the first field, message = every problem. Reference images pass the
 * same input rules as the first model's [assumed, contract §7: no page gives them].
 */
/** `omittedSeed`: the seed of a request without one, as for the first model, so seedless requests repeat. */
export async function parseCatalogSubmit(
  model: EngineImageModel,
  raw: Record<string, unknown>,
  limits: FetchLimits,
  omittedSeed: number,
): Promise<SubmitRequest> {
  const { detail } = model;
  const { sync, responseFormat, n, body } = takeTransportFields(raw);
  applyImageCount(n, body, "num_images");
  const hasResolution = body.resolution !== undefined && body.resolution !== null;
  if (hasResolution && body.aspect_ratio !== undefined && body.aspect_ratio !== null) {
    throw invalidParam("resolution", "send aspect_ratio or resolution, not both");
  }

  const result = validateParams(detail, body);
  if (!result.ok) {
    throw invalidParam(result.problems[0].field, result.problems.map((p) => p.message).join("; "));
  }
  const params = result.value;
  // resolution replaces aspect_ratio: its default must not enter the request's identity.
  if (hasResolution) delete params.aspect_ratio;
  const size = hasResolution
    ? parseResolution(String(params.resolution), detail.max_output_pixels ?? Infinity)
    : sizeForAspect(String(params.aspect_ratio ?? "1:1"), model.pixelBudget(params));
  if (typeof size === "string") throw invalidParam("resolution", size);

  const { request, inputs } = await prepareInputs<CatalogJobRequest>({ model: detail.id, ...params }, limits);
  const seed = typeof params.seed === "number" ? params.seed : omittedSeed;
  const numberOfImages = typeof params.num_images === "number" ? params.num_images : 1;
  return { request, inputs, numberOfImages, seed, sync, responseFormat, ...size };
}
