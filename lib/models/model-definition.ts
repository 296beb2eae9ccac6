/**
 * Everything the app knows about one image model, so that nothing outside the model's own
 * folder has to. Validation, payload, price, mask polarity and the form all go through this
 * interface; a second model is a second value of it (its own folder and one registry line),
 * not an edit of the first.
 */
import type { CostEstimate, CostInput } from "@/lib/models/cost";
import type { FieldSpec } from "@/lib/models/field-spec";
import type { Label } from "@/lib/models/labels";
import type { MaskPolarity } from "@/lib/models/mask-polarity";
import type { AspectRatio, SizeScale, TaskType } from "@/lib/models/options";
import type { Size } from "@/lib/models/output-size";
import type { RateCard } from "@/lib/models/rate-card";
import type { GenerationRequest } from "@/lib/models/schemas";
import type { ValidationResult } from "@/lib/models/validate";

/** Where a definition comes from: written in this repo, or built from the gateway's catalog. */
export type ModelSource = "built-in" | "catalog";

/** The model's place in its life: a retired model keeps its history but takes no new runs. */
export interface ModelLifecycle {
  status: "active" | "deprecated" | "retired";
  /** ISO date after which the gateway stops serving the model; null if not announced. */
  retiresOn: string | null;
}

export interface ModelDefinition {
  /** The gateway's model id, sent as `model`. */
  id: string;
  label: string;
  source: ModelSource;
  lifecycle: ModelLifecycle;
  taskTypes: readonly TaskType[];
  defaultTaskType: TaskType;
  taskLabels: Record<TaskType, Label>;
  taskFields: Record<TaskType, FieldSpec[]>;
  /** The parameters each task sends upstream, in schema order. */
  taskParams: Record<TaskType, readonly string[]>;
  rateCard: RateCard;
  maskPolarity: Record<TaskType, MaskPolarity>;
  validate: (input: unknown) => ValidationResult;
  outputSize: (aspectRatio: AspectRatio, sizeScale: SizeScale) => Size;
  /** The price of a run before it runs (the form's live price, the job's estimate). */
  estimateCost: (input: CostInput, inputSize?: Size) => CostEstimate;
  /** What one returned image costs, from the job's parameters and the image's real size. */
  outputPriceMicros: (params: Record<string, unknown>, size: Size) => number;
  buildPayload: (req: GenerationRequest, opts?: { sync?: boolean }) => Record<string, unknown>;
}
