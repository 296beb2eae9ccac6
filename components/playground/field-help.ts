import { TASK_FIELDS, type FieldSpec } from "@/lib/models";

const TEXT_IMAGE_FIELDS = new Map<string, FieldSpec>(TASK_FIELDS.TEXT_IMAGE.map((f) => [f.name, f]));

/** Help text and option labels come from the model definition, so form and schema agree. */
export function textImageSpec(name: string): FieldSpec | undefined {
  return TEXT_IMAGE_FIELDS.get(name);
}

export function helpFor(name: string): string | undefined {
  return textImageSpec(name)?.help;
}

export function optionLabel(name: string, value: string): string {
  return textImageSpec(name)?.optionLabels?.[value] ?? value;
}
