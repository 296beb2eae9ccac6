/**
 * A sweep planned before anything runs (A1111's X/Y/Z rule: every value is checked first): each
 * cell's request built from the form's request and its axis values, checked by its own model's
 * schema, and priced. The browser plans for the preview (cells, images, total cost, the cells that
 * would be refused and why); the server plans again, and admits the sweep only when no cell that
 * is left in would be refused.
 */
import type { FieldError } from "@/lib/errors";
import type { CostEstimate, ModelDefinition, ModelRequest, Size } from "@/lib/models/model-definition";
import { DEFAULT_MODEL_ID } from "@/lib/models/registry";
import type { TaskType } from "@/lib/models/task-types";
import type { FieldSpec } from "@/lib/models/field-spec";
import { axisLabel, axisValueLabel, fieldSpecOf } from "./axis-labels";
import { cellCoords, gridShape, MODEL_AXIS, PROMPT_AXIS, SWEEP_LIMITS, type SweepAxis } from "./sweep-axis";

export type CellCheck = { ok: true; model: ModelDefinition; request: ModelRequest } | { ok: false; errors: FieldError[] };

export interface PlanDeps {
  /** One cell's request against its model: on the server, the models on offer now (validateRunRequest). */
  check: (request: Record<string, unknown>) => CellCheck;
  /** A model by id, to carry the form's request over to another model on a model axis. */
  model: (id: string) => ModelDefinition | undefined;
  /** The source image's size, for the price of size-keeping tasks. */
  inputSize?: Size;
}

export interface PlannedCell {
  position: number;
  x: number;
  y: number;
  z: number;
  /** Each axis's value label at this cell, x first. */
  labels: string[];
  dropped: boolean;
  /** Set when the cell would run: its checked request and price. */
  run: { model: ModelDefinition; request: ModelRequest; estimate: CostEstimate } | null;
  /** Why the cell would be refused (empty when it would run or is dropped). */
  errors: FieldError[];
}

export interface SweepPlan {
  shape: [number, number, number];
  axisLabels: string[];
  cells: PlannedCell[];
  /** Problems with the axes themselves (nothing can be planned until they are fixed). */
  problems: FieldError[];
  /** Cells that would run: count, images and price. */
  runs: number;
  images: number;
  totalMicros: number;
  /** Cells left in that would be refused. */
  refused: PlannedCell[];
}

export interface PlanInput {
  base: Record<string, unknown>;
  axes: readonly SweepAxis[];
  drop?: readonly number[];
  /** The seed every cell shares, unless an axis varies it. */
  seed?: number;
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * Whether a value of another model's form means the same to this field: a parameter of the same
 * name can take other values (Nova Canvas's quality "standard" against Seedream's "2K"), and
 * such a value is left to this model's default rather than refusing the cell.
 */
function fits(spec: FieldSpec | undefined, value: unknown): boolean {
  if (!spec) return true;
  if (spec.options && spec.kind === "select") return typeof value === "string" && spec.options.includes(value);
  if ((spec.kind === "number" || spec.kind === "slider") && typeof value === "number") {
    return (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
  }
  return true;
}

/** The form's request as another model would take it: its task if offered, only the parameters it takes, with values it takes. */
export function carryOver(request: Record<string, unknown>, model: ModelDefinition): Record<string, unknown> {
  const wanted = str(request.task_type) as TaskType | undefined;
  const task = wanted && model.taskTypes.includes(wanted) ? wanted : model.defaultTaskType;
  const out: Record<string, unknown> = { model: model.id, task_type: task };
  const same = request.model === model.id;
  for (const name of model.taskParams[task] ?? []) {
    const value = request[name];
    if (value !== undefined && (same || fits(fieldSpecOf(model, task, name), value))) out[name] = value;
  }
  return out;
}

/** The parameters an axis may vary: those of the form's model and task, and of every model on a model axis. */
function sweepableFields(base: Record<string, unknown>, axes: readonly SweepAxis[], deps: PlanDeps): Set<string> | null {
  const task = str(base.task_type) as TaskType;
  const ids = [str(base.model) ?? DEFAULT_MODEL_ID, ...(axes.find((a) => a.field === MODEL_AXIS)?.values ?? []).map(String)];
  const models = ids.map(deps.model).filter((m) => m !== undefined);
  if (models.length === 0) return null;
  return new Set(models.flatMap((m) => [...(m.taskParams[m.taskTypes.includes(task) ? task : m.defaultTaskType] ?? [])]));
}

/** What is wrong with the axes themselves; each names `axes`, and where inside it in the message. */
function axisProblems(base: Record<string, unknown>, axes: readonly SweepAxis[], deps: PlanDeps): FieldError[] {
  const messages: string[] = [];
  const seen = new Map<string, number>();
  const fields = sweepableFields(base, axes, deps);
  axes.forEach((axis, i) => {
    const key = axis.field === PROMPT_AXIS ? `prompt:${axis.search ?? ""}` : axis.field;
    if (seen.has(key)) messages.push(`axes[${i}] varies ${axis.field} like axes[${seen.get(key)}]: use one axis per parameter`);
    seen.set(key, i);
    if (axis.field === MODEL_AXIS) {
      if (axis.values.some((v) => typeof v !== "string")) messages.push(`axes[${i}] is a model axis: its values must be model ids`);
    } else if (axis.field === PROMPT_AXIS) {
      const prompt = str(base.prompt) ?? "";
      if (!axis.search) messages.push(`axes[${i}] is a prompt axis: search (the text to replace) is required`);
      else if (!prompt.includes(axis.search)) messages.push(`axes[${i}].search "${axis.search}" does not occur in the prompt`);
      if (axis.values.some((v) => typeof v !== "string")) messages.push(`axes[${i}] is a prompt axis: its values must be text`);
    } else if (fields && !fields.has(axis.field)) {
      const params = [...fields].filter((f) => ![PROMPT_AXIS, "image", "images", "reference_image", "mask_image"].includes(f));
      const known = [MODEL_AXIS, PROMPT_AXIS, ...params];
      messages.push(`axes[${i}].field ${JSON.stringify(axis.field.slice(0, 64))} is not a parameter of this sweep; one of ${known.join(", ")}`);
    }
  });
  const [nx, ny, nz] = gridShape(axes);
  if (nx * ny * nz > SWEEP_LIMITS.maxCells) {
    messages.push(`The sweep has ${nx * ny * nz} cells (${[nx, ny, nz].slice(0, axes.length).join(" × ")}); at most ${SWEEP_LIMITS.maxCells}`);
  }
  return messages.map((message) => ({ field: "axes", message }));
}

function cellRequest(input: PlanInput, coords: number[], deps: PlanDeps): { request: Record<string, unknown>; errors: FieldError[] } {
  let request: Record<string, unknown> = { ...input.base };
  const errors: FieldError[] = [];
  const modelAxis = input.axes.findIndex((a) => a.field === MODEL_AXIS);
  if (modelAxis >= 0) {
    const id = String(input.axes[modelAxis].values[coords[modelAxis]]);
    const model = deps.model(id);
    if (!model) return { request: { ...request, model: id }, errors: [{ field: "model", message: `There is no model ${id} on offer` }] };
    request = carryOver(request, model);
  }
  const model = deps.model(str(request.model) ?? DEFAULT_MODEL_ID);
  const task = str(request.task_type) as TaskType;
  const takes = (field: string) => !model || (model.taskParams[task] ?? []).includes(field);
  input.axes.forEach((axis, i) => {
    const value = axis.values[coords[i]];
    if (axis.field === MODEL_AXIS) return;
    if (axis.field === PROMPT_AXIS) {
      for (const field of ["prompt", "negative_prompt"]) {
        const text = str(request[field]);
        if (text !== undefined && axis.search) request[field] = text.split(axis.search).join(String(value));
      }
      return;
    }
    if (!takes(axis.field)) {
      errors.push({ field: axis.field, message: `${model?.label ?? "This model"} takes no ${axis.field}` });
      return;
    }
    request[axis.field] = value;
  });
  if (input.seed !== undefined && !input.axes.some((a) => a.field === "seed") && takes("seed")) request.seed = input.seed;
  return { request, errors };
}

export function planSweep(input: PlanInput, deps: PlanDeps): SweepPlan {
  const shape = gridShape(input.axes);
  const baseModel = deps.model(str(input.base.model) ?? DEFAULT_MODEL_ID);
  const task = str(input.base.task_type) as TaskType;
  const axisLabels = input.axes.map((a) => axisLabel(a, baseModel, task));
  const problems = axisProblems(input.base, input.axes, deps);
  const plan: SweepPlan = { shape, axisLabels, cells: [], problems, runs: 0, images: 0, totalMicros: 0, refused: [] };
  if (problems.length > 0) return plan;
  const dropped = new Set(input.drop ?? []);
  const modelLabel = (id: string) => deps.model(id)?.label;
  const total = shape[0] * shape[1] * shape[2];
  for (let position = 0; position < total; position++) {
    const [x, y, z] = cellCoords(shape, position);
    const coords = [x, y, z];
    const labels = input.axes.map((a, i) => axisValueLabel(a, a.values[coords[i]], baseModel, task, modelLabel));
    const cell: PlannedCell = { position, x, y, z, labels, dropped: dropped.has(position), run: null, errors: [] };
    plan.cells.push(cell);
    if (cell.dropped) continue;
    const built = cellRequest(input, coords, deps);
    const checked = built.errors.length > 0 ? ({ ok: false, errors: built.errors } as const) : deps.check(built.request);
    if (!checked.ok) {
      cell.errors = checked.errors;
      plan.refused.push(cell);
      continue;
    }
    const estimate = checked.model.estimateCost(checked.request, deps.inputSize);
    cell.run = { model: checked.model, request: checked.request, estimate };
    plan.runs += 1;
    plan.images += estimate.images;
    plan.totalMicros += estimate.totalMicros;
  }
  return plan;
}

/**
 * The order cells are queued in: the model axis outermost (A1111 puts costly axes in the outer
 * loop; here it keeps each model's runs together), then z, y, x, so the grid fills row by row.
 */
export function runOrder(plan: Pick<SweepPlan, "cells">, axes: readonly SweepAxis[]): PlannedCell[] {
  const modelAxis = axes.findIndex((a) => a.field === MODEL_AXIS);
  const coord = (c: PlannedCell) => [c.x, c.y, c.z][modelAxis];
  return [...plan.cells].sort((a, b) => (modelAxis >= 0 ? coord(a) - coord(b) : 0) || a.position - b.position);
}

/** A refused cell named for a person: "cell 4 (CFG 12 × Photorealism): cfg_scale must be …". */
export function describeRefusal(cell: PlannedCell): string {
  const where = cell.labels.length > 0 ? ` (${cell.labels.join(" × ")})` : "";
  return `Cell ${cell.position + 1}${where}: ${cell.errors.map((e) => e.message).join("; ")}`;
}
