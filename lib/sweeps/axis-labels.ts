/**
 * How axes and their values read on the grid, the contact sheet and the share page: the field's
 * own label from the model's form, an option's label, a model's name.
 */
import type { FieldSpec } from "@/lib/models/field-spec";
import type { ModelDefinition } from "@/lib/models/model-definition";
import type { TaskType } from "@/lib/models/task-types";
import { MODEL_AXIS, PROMPT_AXIS, type AxisValue, type SweepAxis } from "./sweep-axis";

export function fieldSpecOf(model: ModelDefinition | undefined, task: TaskType, field: string): FieldSpec | undefined {
  return model?.taskFields[task]?.find((f) => f.name === field);
}

export function axisLabel(axis: Pick<SweepAxis, "field">, base: ModelDefinition | undefined, task: TaskType): string {
  if (axis.field === MODEL_AXIS) return "Model";
  if (axis.field === PROMPT_AXIS) return "Prompt";
  return fieldSpecOf(base, task, axis.field)?.label ?? axis.field;
}

const MAX_LABEL = 60;

export function axisValueLabel(
  axis: Pick<SweepAxis, "field">,
  value: AxisValue,
  base: ModelDefinition | undefined,
  task: TaskType,
  modelLabel: (id: string) => string | undefined = () => undefined,
): string {
  let label: string;
  if (axis.field === MODEL_AXIS) label = modelLabel(String(value)) ?? String(value);
  else if (typeof value === "boolean") label = value ? "On" : "Off";
  else label = fieldSpecOf(base, task, axis.field)?.optionLabels?.[String(value)] ?? String(value);
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}
