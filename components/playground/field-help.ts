import type { FieldSpec } from "@/lib/models";

/** Labels people (and the browser tests) already know, where the catalogue's wording differs. */
const LABELS: Record<string, string> = { number_of_images: "Number of images" };

export const labelOf = (spec: FieldSpec): string => LABELS[spec.name] ?? spec.label;

export const optionLabel = (spec: FieldSpec, value: string): string => spec.optionLabels?.[value] ?? value;

/** The control's id; its error is `${id}-error` and its help `${id}-help`. */
export const fieldId = (name: string): string => `field-${name}`;
