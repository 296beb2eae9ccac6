/**
 * One image model as the playground understands it from the gateway's catalog, whatever the
 * catalog's JSON looked like (parse-catalog.ts turns what it can read into this and lists the
 * rest as ignored). Browser-safe: plain data, no server or node imports.
 */
export type CatalogStatus = "active" | "deprecated" | "retired" | "unknown";

export type CatalogParamKind = "string" | "integer" | "number" | "boolean" | "enum" | "image-list" | "image";

export type CatalogValue = string | number | boolean;

export interface CatalogParam {
  name: string;
  kind: CatalogParamKind;
  description: string | null;
  required: boolean;
  /** The documented default; null when none is given (or it does not fit the kind). */
  default: CatalogValue | null;
  /** integer/number: inclusive bounds; string: min/max length when the catalog gives them. */
  min: number | null;
  max: number | null;
  /** enum: the accepted values, in the catalog's order. */
  options: CatalogValue[];
  /** image-list: how many images at most; null when not stated. */
  maxItems: number | null;
  /** Accepted by the gateway but without effect. */
  ignored: boolean;
  /** Applies only when these parameters have one of these values (empty: always). */
  conditions: Record<string, string[]>;
}

export interface CatalogImagePrice {
  priceMicros: number;
  /** Empty: the price applies to every job. */
  conditions: Record<string, string[]>;
}

export interface CatalogModel {
  id: string;
  displayName: string;
  description: string;
  ownedBy: string | null;
  status: CatalogStatus;
  /** ISO date (YYYY-MM-DD) the model is or was retired; null when none is announced. */
  retiresOn: string | null;
  deprecatedOn: string | null;
  /** The catalog's capability words, e.g. "text-to-image", "image-editing". */
  capabilities: string[];
  inputModalities: string[];
  outputModalities: string[];
  params: CatalogParam[];
  /** The lowest per-image price among the image pricing rows (micro-dollars); null without one. */
  imagePriceMicros: number | null;
  /** Every image pricing row, for models whose price depends on parameters. */
  imagePrices: CatalogImagePrice[];
  /** True when the catalog says only returned images are billed (filtered ones are free). */
  billedPerReturnedImage: boolean;
  maxPixels: number | null;
}

/** One row of the model list: an image model the playground could offer. */
export interface CatalogListEntry {
  id: string;
  displayName: string;
  description: string;
  status: CatalogStatus;
}

export interface ParsedModelDetail {
  /** Null when the answer names no usable model id (then `ignored` says why). */
  model: CatalogModel | null;
  /** What was not understood, one line each (e.g. `pricing_rows[2]: unit "token" is not an image price`). */
  ignored: string[];
}
