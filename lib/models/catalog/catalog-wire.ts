/**
 * The JSON the gateway's catalog answers, written down once. The field names are documented
 * (gateway-contract.md §7: `data[]` with `id`, `display_name`, `owned_by`, `description`;
 * `supported_parameters[]`, `pricing_rows[]`, `capabilities`, modalities, `served_from`); every
 * shape below them is [assumed, contract §7]. The offline engine serves exactly these types and
 * the parser (parse-catalog.ts) reads them defensively, so when the real shapes are known this
 * file and the parser are the places to change.
 */

/** [assumed, contract §7] Modality names; the docs only say "input and output modalities". */
export type WireModality = "text" | "image" | "audio" | "video";

/** [assumed, contract §6–§7] The lifecycle field; the docs only say a model is "deprecated". */
export type WireStatus = "active" | "deprecated" | "retired";

/** One row of `GET /v1/models` → `{"object":"list","data":[…]}`. */
export interface WireModelSummary {
  id: string;
  /** [assumed, contract §7] OpenAI's list item carries `object: "model"`. */
  object: "model";
  display_name: string;
  owned_by: string;
  description: string;
  /** [assumed, contract §7] Also in the list, so a client can filter without reading every detail. */
  input_modalities: WireModality[];
  output_modalities: WireModality[];
  status: WireStatus;
}

export interface WireModelList {
  object: "list";
  data: WireModelSummary[];
}

/** [doc, contract §7] The unit names; [assumed] `price` is a number of US dollars per unit. */
export type WirePricingUnit = "token" | "request" | "image" | "video-second" | "audio-second" | "tool-call" | "custom";

export interface WirePricingRow {
  unit: WirePricingUnit;
  price: number;
  currency: "USD";
  /** [assumed, contract §7] Which images are billed: every returned image, or every requested one. */
  billed_on?: "returned_images" | "requested_images";
  /** [assumed, contract §7] The row applies only when these parameters have these values. */
  conditions?: Record<string, string[]>;
  description?: string;
}

/** [assumed, contract §7] "type, default, range or enum, conditions" as JSON. */
export type WireParameterType = "string" | "integer" | "number" | "boolean" | "enum" | "image" | "array";

export interface WireParameter {
  name: string;
  type: WireParameterType;
  description?: string;
  required?: boolean;
  default?: string | number | boolean | null;
  /** integer and number: inclusive bounds. */
  range?: { min: number; max: number };
  /** enum: the accepted values. */
  enum?: (string | number)[];
  /** string: the longest accepted value, in characters. */
  max_length?: number;
  /** array: what each item is, and how many there may be. */
  items?: { type: "image" | "string" | "integer" | "number" };
  min_items?: number;
  max_items?: number;
  /** Accepted but has no effect (e.g. a negative prompt on a model without one). */
  ignored?: boolean;
  /** The parameter applies only when these other parameters have these values. */
  conditions?: Record<string, string[]>;
}

/** `GET /v1/models/{id}`: the canonical schema of one model. */
export interface WireModelDetail extends WireModelSummary {
  /** [assumed, contract §7] The path a job for this model is posted to. */
  endpoint: string;
  capabilities: string[];
  /** [assumed, contract §6] ISO dates (YYYY-MM-DD); null when none is announced. */
  deprecation_date: string | null;
  retirement_date: string | null;
  /** [assumed, contract §7] Region or provider names; the docs give the field's name only. */
  served_from: string[];
  /** [assumed, contract §7] The largest output, in pixels (flux-2-klein-4b documents one). */
  max_output_pixels: number | null;
  supported_parameters: WireParameter[];
  pricing_rows: WirePricingRow[];
}
