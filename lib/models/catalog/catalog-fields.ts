/**
 * One catalog parameter → the form field and the zod rule the app uses for it. The app keeps one
 * name per meaning across models (`number_of_images`, `images`, `mask_image`), so drafts, reuse
 * and the gallery read every model alike; the payload builder translates back to the catalog's
 * own names. A parameter the app cannot offer is left out, with the reason.
 */
import type { z } from "zod";
import type { CatalogParam, CatalogValue } from "@/lib/models/catalog/catalog-model";
import type { FieldGroup, FieldSpec } from "@/lib/models/field-spec";
import { booleanField, enumField, imageField, imageListField, rangeField, textField } from "@/lib/models/rules/field-rules";

export interface CatalogField {
  /** The name the app uses (request key, draft key, stored params). */
  name: string;
  /** The name the gateway uses for this model. */
  wireName: string;
  spec: FieldSpec;
  schema: z.ZodType;
}

/** [assumed, contract §7] Text without a stated limit gets the gateway's usual prompt size. */
const TEXT_MAX_DEFAULT = 2000;
/** Seeds above this cannot be drawn or shown exactly in JavaScript. */
const SAFE_MAX = Number.MAX_SAFE_INTEGER;
/** Names the app sets itself: never a form field. */
const RESERVED = new Set(["model", "task_type", "sync", "response_format"]);

function appName(p: CatalogParam): string {
  if (p.name === "num_images") return "number_of_images";
  if (p.kind === "image-list") return "images";
  if (p.kind === "image" && p.name === "mask") return "mask_image";
  return p.name;
}

const OUTPUT_NAMES = new Set(["number_of_images", "aspect_ratio", "resolution", "quality", "size", "model_variant"]);

function group(name: string, p: CatalogParam): FieldGroup {
  if (name === "prompt" || name === "negative_prompt") return "prompt";
  if (name === "mask_image") return "mask";
  if (p.kind === "image" || p.kind === "image-list") return "input";
  return OUTPUT_NAMES.has(name) ? "output" : "advanced";
}

const LABELS: Record<string, string> = { number_of_images: "Number of images", images: "Reference images", mask_image: "Mask" };
const words = (name: string) => name.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());

function help(p: CatalogParam): string {
  if (p.description) return p.description;
  if (p.kind === "image-list") return `Up to ${p.maxItems ?? 1} images.`;
  return words(p.name);
}

const optionList = (values: CatalogValue[]) => values.map(String) as [string, ...string[]];

/** The zod rule for one parameter, or why it cannot be offered. */
function ruleFor(name: string, p: CatalogParam): z.ZodType | string {
  switch (p.kind) {
    case "string":
      return textField(name, p.max ?? TEXT_MAX_DEFAULT);
    case "integer":
    case "number":
      if (p.min === null || p.max === null) return `${p.name}: a number without a stated range`;
      return rangeField(name, p.min, Math.min(p.max, SAFE_MAX), { integer: p.kind === "integer" });
    case "boolean":
      return booleanField(name);
    case "enum":
      return p.options.length > 0 ? enumField(name, optionList(p.options)) : `${p.name}: a list of choices without values`;
    case "image":
      return imageField(name);
    case "image-list":
      return imageListField(name, 1, p.maxItems ?? 1);
  }
}

function specFor(name: string, p: CatalogParam): FieldSpec {
  const base: FieldSpec = { name, label: LABELS[name] ?? words(p.name), kind: "text", help: help(p), group: group(name, p) };
  if (p.required) base.required = true;
  if (p.default !== null) base.default = p.kind === "enum" ? String(p.default) : p.default;
  if (name === "prompt" || name === "negative_prompt") return { ...base, kind: "prompt", max: p.max ?? TEXT_MAX_DEFAULT };
  switch (p.kind) {
    case "string":
      return { ...base, max: p.max ?? TEXT_MAX_DEFAULT };
    case "integer":
    case "number":
      return { ...base, kind: name === "seed" ? "seed" : "number", min: p.min ?? undefined, max: p.max ?? undefined, step: p.kind === "integer" ? 1 : undefined };
    case "boolean":
      return { ...base, kind: "toggle" };
    case "enum":
      return { ...base, kind: "select", options: optionList(p.options) };
    case "image":
      return { ...base, kind: "image" };
    case "image-list":
      return { ...base, kind: "images", min: 1, max: p.maxItems ?? 1 };
  }
}

/** The fields a model's form shows, in catalog order, and what was left out and why. */
export function catalogFields(params: readonly CatalogParam[]): { fields: CatalogField[]; skipped: string[] } {
  const fields: CatalogField[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const p of params) {
    const name = appName(p);
    if (p.ignored) {
      skipped.push(`${p.name}: accepted by the gateway but without effect`);
      continue;
    }
    if (seen.has(name) || RESERVED.has(name)) {
      skipped.push(`${p.name}: set by the app, or a second parameter with the same meaning`);
      continue;
    }
    const rule = ruleFor(name, p);
    if (typeof rule === "string") {
      skipped.push(rule);
      continue;
    }
    seen.add(name);
    fields.push({ name, wireName: p.name, spec: specFor(name, p), schema: p.required ? rule : rule.optional() });
  }
  return { fields, skipped };
}
