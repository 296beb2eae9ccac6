/** The shape of one form field's metadata; the form renders a control per FieldSpec. */

export type FieldKind =
  | "prompt"
  | "text"
  | "select"
  | "number"
  | "slider"
  | "seed"
  | "toggle"
  | "image"
  | "images"
  | "colors";

/** Where the form places a field: prompt area, inputs, mask, garment, output size, advanced. */
export type FieldGroup = "prompt" | "input" | "mask" | "garment" | "output" | "advanced";

export interface FieldSpec {
  /** The request key (snake_case), as the schema and the API name it. */
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: readonly string[];
  optionLabels?: Record<string, string>;
  /** Numbers: the value range. Text: max characters. Lists: min/max items. */
  min?: number;
  max?: number;
  step?: number;
  default?: unknown;
  help: string;
  group?: FieldGroup;
  /** Hidden fields must also be left out of the request: the schema rejects them. */
  showWhen?: (draft: Record<string, unknown>) => boolean;
}
