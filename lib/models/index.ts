/**
 * The model layer: what Nova Canvas accepts, what it costs, how its masks are read. Runs in
 * the browser (form validation, price), on the server and in the offline engine alike, so
 * nothing here may import server-only code, node built-ins or read the environment.
 */
export * from "@/lib/models/nova-canvas/options";
export * from "@/lib/models/nova-canvas/limits";
export {
  TASK_SCHEMAS,
  TASK_PARAMS,
  textImageSchema,
  imageVariationSchema,
  inpaintingSchema,
  outpaintingSchema,
  colorGuidedGenerationSchema,
  backgroundRemovalSchema,
  virtualTryOnSchema,
  type GenerationRequest,
  type RequestOf,
  type TextImageRequest,
  type ImageVariationRequest,
  type InpaintingRequest,
  type OutpaintingRequest,
  type ColorGuidedGenerationRequest,
  type BackgroundRemovalRequest,
  type VirtualTryOnRequest,
} from "@/lib/models/nova-canvas/schemas";
export { isImageSource } from "@/lib/models/rules/field-rules";
export { validateGenerationRequest, DEFAULT_TASK_TYPE, type ValidationResult } from "@/lib/models/nova-canvas/validate";
export { isTaskType } from "@/lib/models/task-types";
export { withSeed, ensureSeed } from "@/lib/models/nova-canvas/seed";
export { outputSize, LONG_SIDE, MIN_SIDE, type Size } from "@/lib/models/nova-canvas/output-size";
export {
  RATE_CARD,
  RATE_CARD_DATE,
  priceTier,
  pricePerImageMicros,
  type RateCard,
  type PriceTier,
} from "@/lib/models/nova-canvas/rate-card";
export { estimateJobCost, takesAspectRatio, type CostEstimate, type CostInput } from "@/lib/models/nova-canvas/cost";
export { microsToUsd, formatUsd, MICROS_PER_USD } from "@/lib/models/money";
export { APP_MASK_POLARITY, maskNeedsInversion, type MaskPolarity } from "@/lib/models/mask-polarity";
export { PROVIDER_MASK_POLARITY } from "@/lib/models/nova-canvas/mask-polarity";
export { buildUpstreamPayload } from "@/lib/models/nova-canvas/upstream-payload";
export { TASK_FIELDS, SHARED_FIELDS, visibleFields, type FieldSpec, type FieldKind, type FieldGroup } from "@/lib/models/nova-canvas/fields";
export { TASK_LABELS, type Label } from "@/lib/models/task-labels";
export { STYLE_LABELS } from "@/lib/models/nova-canvas/style-labels";
export type { ModelDefinition, ModelSource, ModelLifecycle, ModelRequest, ModelValidation, TaskRecord } from "@/lib/models/model-definition";
export { novaCanvas } from "@/lib/models/nova-canvas/definition";
export { getModel, listModels, defaultModel, DEFAULT_MODEL_ID } from "@/lib/models/registry";
export { validateJobRequest, type JobRequestResult } from "@/lib/models/validate-job-request";
export { INPUT_IMAGE_LIMITS, inputImageProblems, maskProblems, downscaleToFit, resizeCanvasFor, type ImageFacts, type MaskFacts, type ImageFix, type ImageProblem } from "@/lib/models/image-rules";
