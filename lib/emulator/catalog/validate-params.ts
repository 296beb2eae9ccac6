import type { WireModelDetail, WireParameter } from "@/lib/models/catalog";

/**
 * A job body checked against a model's catalog entry (its supported_parameters), the way the
 * engine plays the gateway for the catalog's models: an unknown parameter, a missing required
 * one, a wrong type or a value outside the range, enum or item count is a problem naming the
 * field and its limit. What passes gets the catalog's defaults filled in and loses the
 * parameters marked `ignored`, so that the request key (and so every pixel) is the same
 * whether a default was sent or not, and whatever an ignored parameter said.
 */
export interface ParamProblem {
  field: string;
  message: string;
}

export type ParamsResult = { ok: true; value: Record<string, unknown> } | { ok: false; problems: ParamProblem[] };

export function validateParams(detail: WireModelDetail, body: Record<string, unknown>): ParamsResult {
  const problems: ParamProblem[] = [];
  const value: Record<string, unknown> = {};
  const known = new Map(detail.supported_parameters.map((p) => [p.name, p]));
  for (const key of Object.keys(body)) {
    if (!known.has(key) && body[key] !== undefined && body[key] !== null) {
      problems.push({ field: key, message: `${key} is not a parameter of ${detail.id}; it takes ${[...known.keys()].join(", ")}` });
    }
  }
  for (const param of detail.supported_parameters) {
    const given = Object.hasOwn(body, param.name) ? body[param.name] : undefined;
    if (given === undefined || given === null) {
      if (param.required) problems.push({ field: param.name, message: `${param.name} is required` });
      else if (param.default !== undefined && param.default !== null && !param.ignored) value[param.name] = param.default;
      continue;
    }
    const problem = checkValue(param, given);
    if (problem) problems.push({ field: param.name, message: problem });
    else if (!param.ignored) value[param.name] = given;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

const shown = (v: unknown) => (typeof v === "string" && v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v));

/** The problem with one value, in words that name the limit; undefined when it is fine. */
function checkValue(p: WireParameter, v: unknown): string | undefined {
  const { name } = p;
  switch (p.type) {
    case "string": {
      const max = p.max_length ?? Infinity;
      if (typeof v !== "string" || v.trim().length === 0 || v.length > max) {
        return `${name} must be a string of 1 to ${Number.isFinite(max) ? max : "any number of"} characters (got ${shown(v)})`;
      }
      return undefined;
    }
    case "integer":
    case "number": {
      const { min, max } = p.range ?? { min: -Infinity, max: Infinity };
      const kind = p.type === "integer" ? "an integer" : "a number";
      const typed = typeof v === "number" && Number.isFinite(v) && (p.type === "number" || Number.isInteger(v));
      return typed && v >= min && v <= max ? undefined : `${name} must be ${kind} from ${min} to ${max} (got ${shown(v)})`;
    }
    case "boolean":
      return typeof v === "boolean" ? undefined : `${name} must be true or false (got ${shown(v)})`;
    case "enum":
      return (p.enum ?? []).includes(v as string | number) ? undefined : `${name} must be one of ${(p.enum ?? []).join(", ")} (got ${shown(v)})`;
    case "image":
      return isImageValue(v) ? undefined : `${name} must be an image: a public URL or a data: URI (got ${shown(v)})`;
    case "array": {
      const min = p.min_items ?? 0;
      const max = p.max_items ?? Infinity;
      if (!Array.isArray(v)) return `${name} must be a list of ${min} to ${max} images (got ${shown(v)})`;
      if (v.length < min || v.length > max) return `${name} takes ${min} to ${max} images (got ${v.length})`;
      const bad = v.findIndex((item) => !isImageValue(item));
      return bad < 0 ? undefined : `${name}[${bad}] must be an image: a public URL or a data: URI`;
    }
  }
}

/** A string to read as an image (a URL, a data: URI or bare base64); its bytes are checked later. */
function isImageValue(v: unknown): v is string {
  return typeof v === "string" && v.trim().length > 0;
}
