/** Amazon Nova Canvas on the EmpirioLabs gateway, assembled from the pieces of this folder. */
import { estimateJobCost } from "@/lib/models/nova-canvas/cost";
import { TASK_FIELDS } from "@/lib/models/nova-canvas/fields";
import { TASK_LABELS } from "@/lib/models/task-labels";
import { MODEL_ID } from "@/lib/models/nova-canvas/limits";
import { PROVIDER_MASK_POLARITY } from "@/lib/models/nova-canvas/mask-polarity";
import type { ModelDefinition } from "@/lib/models/model-definition";
import { TASK_TYPES } from "@/lib/models/task-types";
import { rateCardFromCatalog, sameRates } from "@/lib/models/nova-canvas/catalog-rate-card";
import { pricePerImageMicros, RATE_CARD, type RateCard } from "@/lib/models/nova-canvas/rate-card";
import { TASK_PARAMS, type GenerationRequest } from "@/lib/models/nova-canvas/schemas";
import { ensureSeed } from "@/lib/models/nova-canvas/seed";
import { buildUpstreamPayload } from "@/lib/models/nova-canvas/upstream-payload";
import { DEFAULT_TASK_TYPE, validateGenerationRequest } from "@/lib/models/nova-canvas/validate";

/** The definition priced from `card`: the dated rate card, or the catalog's prices when it has them all. */
function novaCanvasPricedBy(card: RateCard): ModelDefinition {
  return {
    id: MODEL_ID,
    label: "Amazon Nova Canvas",
    source: "built-in",
    // AWS lists it as legacy with this end-of-life date; the gateway marks it deprecated for it.
    lifecycle: { status: "deprecated", retiresOn: "2026-09-30" },
    taskTypes: TASK_TYPES,
    defaultTaskType: DEFAULT_TASK_TYPE,
    taskLabels: TASK_LABELS,
    taskFields: TASK_FIELDS,
    taskParams: TASK_PARAMS,
    maskPolarity: PROVIDER_MASK_POLARITY,
    validate: validateGenerationRequest,
    // Only requests its own validate accepted reach these two, so they are Nova's typed union.
    ensureSeed: (req, random) => ensureSeed(req as GenerationRequest, random),
    estimateCost: (input, inputSize) => estimateJobCost(input, inputSize, card),
    // Only premium is billed above standard; a task without quality (background removal) is standard.
    outputPriceMicros: (params, size) =>
      pricePerImageMicros({ quality: params.quality === "premium" ? "premium" : "standard", ...size }, card),
    buildPayload: (req, opts) => buildUpstreamPayload(req as GenerationRequest, { ...opts, modelId: MODEL_ID }),
    withCatalogPrices: (prices) => {
      const fromCatalog = rateCardFromCatalog(prices, RATE_CARD);
      return fromCatalog && !sameRates(fromCatalog, card) ? novaCanvasPricedBy(fromCatalog) : novaCanvas;
    },
  };
}

export const novaCanvas: ModelDefinition = novaCanvasPricedBy(RATE_CARD);
