/**
 * Cost estimate of a job before it runs: the form's live price, and the estimate the server
 * records on the job when it submits it. The actual cost is recorded per returned image (the
 * model's outputPriceMicros), since Nova may return fewer images than asked (content filter).
 */
import type { CostEstimate } from "@/lib/models/model-definition";
import { ASPECT_RATIOS, QUALITIES, SIZE_SCALES } from "@/lib/models/nova-canvas/options";
import { type TaskType } from "@/lib/models/task-types";
import { DEFAULTS, NUMBER_OF_IMAGES_MAX, NUMBER_OF_IMAGES_MIN } from "@/lib/models/nova-canvas/limits";
import { outputSize, type Size } from "@/lib/models/nova-canvas/output-size";
import { pricePerImageMicros, RATE_CARD, type RateCard } from "@/lib/models/nova-canvas/rate-card";
import { TASK_PARAMS } from "@/lib/models/nova-canvas/schemas";

/** A parsed request fits; so does a form draft with missing or half-typed values. */
export interface CostInput {
  task_type: TaskType;
  quality?: unknown;
  number_of_images?: unknown;
  aspect_ratio?: unknown;
  size_scale?: unknown;
}

export type { CostEstimate };

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;

function imageCount(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value)) return DEFAULTS.number_of_images;
  return Math.min(NUMBER_OF_IMAGES_MAX, Math.max(NUMBER_OF_IMAGES_MIN, value));
}

/** Tasks whose output size comes from aspect_ratio × size_scale; the rest keep the input's size. */
export function takesAspectRatio(taskType: TaskType): boolean {
  return TASK_PARAMS[taskType].includes("aspect_ratio");
}

/**
 * Tasks that keep the input's size are priced from `inputSize` when known; without it they
 * are assumed small (most uploads are ≤ 1 megapixel, and the real price is recorded later).
 */
export function estimateJobCost(req: CostInput, inputSize?: Size, card: RateCard = RATE_CARD): CostEstimate {
  const removal = req.task_type === "BACKGROUND_REMOVAL";
  const quality = removal ? "standard" : oneOf(QUALITIES, req.quality, DEFAULTS.quality);
  const images = removal ? 1 : imageCount(req.number_of_images);
  let size: Size | null = inputSize ?? null;
  if (takesAspectRatio(req.task_type)) {
    size = outputSize(
      oneOf(ASPECT_RATIOS, req.aspect_ratio, DEFAULTS.aspect_ratio),
      oneOf(SIZE_SCALES, req.size_scale, DEFAULTS.size_scale),
    );
  }
  const perImageMicros = size
    ? pricePerImageMicros({ quality, ...size }, card)
    : card.perImageMicros.small[quality];
  return {
    perImageMicros,
    images,
    totalMicros: perImageMicros * images,
    width: size?.width ?? null,
    height: size?.height ?? null,
  };
}
