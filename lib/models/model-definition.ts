/**
 * What the app needs to know about one model on the gateway's image endpoint (contract §6).
 * Nova Canvas reaches end of life on 2026-09-30; its successor will be a second value of this
 * type (its own id, schemas, rate card and mask polarity), not an edit of the first.
 */
import type { FieldSpec } from "@/lib/models/field-spec";
import type { Label } from "@/lib/models/labels";
import type { MaskPolarity } from "@/lib/models/mask-polarity";
import type { AspectRatio, SizeScale, TaskType } from "@/lib/models/options";
import type { Size } from "@/lib/models/output-size";
import type { RateCard } from "@/lib/models/rate-card";
import type { GenerationRequest } from "@/lib/models/schemas";
import type { ValidationResult } from "@/lib/models/validate";

export interface ModelDefinition {
  /** The gateway's model id, sent as `model`. */
  id: string;
  label: string;
  /** ISO date after which the gateway stops serving the model; null if not announced. */
  deprecatedOn: string | null;
  taskTypes: readonly TaskType[];
  defaultTaskType: TaskType;
  taskLabels: Record<TaskType, Label>;
  taskFields: Record<TaskType, FieldSpec[]>;
  /** The parameters each task sends upstream, in schema order. */
  taskParams: Record<TaskType, readonly string[]>;
  rateCard: RateCard;
  rateCardDate: string;
  maskPolarity: Record<TaskType, MaskPolarity>;
  validate: (input: unknown) => ValidationResult;
  outputSize: (aspectRatio: AspectRatio, sizeScale: SizeScale) => Size;
  buildPayload: (req: GenerationRequest, opts?: { sync?: boolean }) => Record<string, unknown>;
}
