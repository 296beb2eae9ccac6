/**
 * Everything the app knows about one image model, so that nothing outside the model's own
 * folder has to. Validation, payload, price, mask polarity and the form all go through this
 * interface; a second model is a second value of it (its own folder and one registry line),
 * not an edit of the first.
 */
import type { CatalogImagePrice } from "@/lib/models/catalog/catalog-model";
import type { FieldSpec } from "@/lib/models/field-spec";
import type { Label } from "@/lib/models/task-labels";
import type { MaskPolarity } from "@/lib/models/mask-polarity";
import type { TaskType } from "@/lib/models/task-types";
import type { FieldError } from "@/lib/errors";

export interface Size {
  width: number;
  height: number;
}

/** A run's price before it runs, in micro-dollars. */
export interface CostEstimate {
  perImageMicros: number;
  images: number;
  totalMicros: number;
  /** Output size when known: always for aspect_ratio tasks, else the input's size if given. */
  width: number | null;
  height: number | null;
}

/** Where a definition comes from: written in this repo, or built from the gateway's catalog. */
export type ModelSource = "built-in" | "catalog";

/** The model's place in its life: a retired model keeps its history but takes no new runs. */
export interface ModelLifecycle {
  status: "active" | "deprecated" | "retired";
  /** ISO date after which the gateway stops serving the model; null if not announced. */
  retiresOn: string | null;
}

/**
 * A request one model's schema accepted. Each model knows its own shape (Nova Canvas: its typed
 * task union); the rest of the app handles it as parameters plus the task it runs.
 */
export type ModelRequest = { model?: string; task_type: TaskType } & Record<string, unknown>;

export type ModelValidation = { ok: true; value: ModelRequest } | { ok: false; errors: FieldError[] };

/** Per-task facts; a model fills in the tasks it offers. */
export type TaskRecord<T> = Partial<Record<TaskType, T>>;

export interface ModelDefinition {
  /** The gateway's model id, sent as `model`. */
  id: string;
  label: string;
  source: ModelSource;
  lifecycle: ModelLifecycle;
  taskTypes: readonly TaskType[];
  defaultTaskType: TaskType;
  taskLabels: TaskRecord<Label>;
  taskFields: TaskRecord<FieldSpec[]>;
  /** The parameters each task sends upstream, in schema order. */
  taskParams: TaskRecord<readonly string[]>;
  /** How the model reads a mask, per task; the app always paints white = edit. */
  maskPolarity: TaskRecord<MaskPolarity>;
  validate: (input: unknown) => ModelValidation;
  /** Every run records the seed it used: fills one in (from `random`, in [0, 1)) where the task takes one. */
  ensureSeed: (req: ModelRequest, random: () => number) => ModelRequest;
  /**
   * The price of a run before it runs (the form's live price, the job's estimate). Takes a
   * checked request or a half-typed draft alike: what is missing or invalid counts as the default.
   */
  estimateCost: (input: ModelRequest, inputSize?: Size) => CostEstimate;
  /** What one returned image costs, from the job's parameters and the image's real size. */
  outputPriceMicros: (params: Record<string, unknown>, size: Size) => number;
  /** The body for POST /v1/images/generations from a request this model's `validate` accepted. */
  buildPayload: (req: ModelRequest, opts?: { sync?: boolean }) => Record<string, unknown>;
  /**
   * A hand-written model priced from its catalog entry's image pricing rows when the catalog has
   * them (this definition itself when it has not); absent: its own prices always hold.
   */
  withCatalogPrices?: (prices: readonly CatalogImagePrice[]) => ModelDefinition;
}
