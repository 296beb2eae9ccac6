import { invalidParam } from "@/lib/emulator/api-error";
import { ASPECT_RATIOS, outputSize, SIZE_SCALES } from "@/lib/models";

/**
 * The OpenAI images fields the gateway accepts on top of Nova's own, so `openai.images.generate`
 * works unchanged: `n` (alias of number_of_images), `response_format` (sync only) and `size`
 * (only a "WxH" that is exactly one of Nova's output sizes; it sets aspect_ratio/size_scale).
 * They are taken off the body here, before the strict Nova schema sees it. The catalog's other
 * models share the transport fields (takeTransportFields) and `n`, not `size`.
 */
export type ResponseFormat = "url" | "b64_json";

export interface CompatFields {
  sync: boolean;
  responseFormat: ResponseFormat;
  /** The body without sync/n/response_format/size/model, ready for validateGenerationRequest. */
  body: Record<string, unknown>;
}

export function takeCompatFields(raw: Record<string, unknown>): CompatFields {
  const { size, ...rest } = raw;
  const { sync, responseFormat, n, body } = takeTransportFields(rest);
  applyImageCount(n, body, "number_of_images");
  if (size !== undefined && size !== null && size !== "auto") applySize(size, body);
  return { sync, responseFormat, body };
}

/**
 * The fields every model's submit shares (sync, response_format, and OpenAI's `n`, returned
 * for the caller to fold into its own image-count field), taken off the body with `model`.
 */
export function takeTransportFields(raw: Record<string, unknown>): CompatFields & { n: unknown } {
  const { sync, n, response_format, ...body } = raw;
  delete body.model; // checked by parseSubmit; the schema accepts it but the key must not vary
  if (sync !== undefined && typeof sync !== "boolean") throw invalidParam("sync", "sync must be true or false");

  let responseFormat: ResponseFormat = "url";
  if (response_format !== undefined && response_format !== null) {
    if (response_format !== "url" && response_format !== "b64_json") {
      throw invalidParam("response_format", 'response_format must be "url" or "b64_json"');
    }
    if (response_format === "b64_json" && sync !== true) {
      throw invalidParam("response_format", 'response_format "b64_json" needs "sync": true; jobs return URLs');
    }
    responseFormat = response_format;
  }
  return { sync: sync === true, responseFormat, n, body };
}

/** OpenAI's `n` as an alias of the model's own image count (400 when both are given and differ). */
export function applyImageCount(n: unknown, body: Record<string, unknown>, field: string): void {
  if (n === undefined || n === null) return;
  if (body[field] !== undefined && body[field] !== n) throw invalidParam("n", `n and ${field} disagree; send one of them`);
  body[field] = n;
}

/** "WxH" → the aspect_ratio/size_scale pair that produces exactly that size, or a 400. */
function applySize(size: unknown, body: Record<string, unknown>): void {
  const m = typeof size === "string" ? /^(\d+)x(\d+)$/.exec(size) : null;
  const match = m && findSize(Number(m[1]), Number(m[2]));
  if (!match) throw invalidParam("size", `size ${JSON.stringify(size)} is not a Nova Canvas output size; use aspect_ratio and size_scale`);
  for (const [field, value] of Object.entries(match)) {
    if (body[field] !== undefined && body[field] !== value) {
      throw invalidParam("size", `size ${size} means ${field} ${value}, but ${field} is ${JSON.stringify(body[field])}`);
    }
    body[field] = value;
  }
}

function findSize(width: number, height: number): { aspect_ratio: string; size_scale: string } | undefined {
  for (const ar of ASPECT_RATIOS) {
    for (const scale of SIZE_SCALES) {
      const s = outputSize(ar, scale);
      if (s.width === width && s.height === height) return { aspect_ratio: ar, size_scale: scale };
    }
  }
  return undefined;
}
