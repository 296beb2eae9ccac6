/**
 * Bodies for POST /api/jobs that name a model from the gateway's catalog (the offline engine's:
 * FLUX.2 [klein] and Seedream), each broken one way. The fields and their limits come from the
 * definition the server builds from the catalog entry, so a changed entry moves the fuzz values
 * with it; every body stays one the definition refuses, so the run never starts real work.
 */
import { buildModelDetail } from "../../../lib/emulator/catalog/catalog-json";
import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "../../../lib/emulator/catalog/models";
import { catalogDefinition } from "../../../lib/models/catalog/catalog-definition";
import { parseModelDetail } from "../../../lib/models/catalog/parse-catalog";
import type { FieldSpec } from "../../../lib/models/field-spec";
import type { ModelDefinition } from "../../../lib/models/model-definition";
import { ODD_TEXT, PROTO_KEYS } from "./hostile-values";
import { invalidValues, type Kind as FieldKind } from "./job-fields";
import { jsonText, raw, withKey } from "./json-text";
import type { JobBody } from "./job-bodies";
import type { Prng } from "./prng";

const URL_IMAGE = "https://example.com/fox.png";

function definition(id: string): ModelDefinition {
  const entry = parseModelDetail(JSON.parse(JSON.stringify(buildModelDetail(id)))).model;
  const built = entry && catalogDefinition(entry).definition;
  if (!built) throw new Error(`the engine's catalog entry for ${id} builds no definition`);
  return built;
}

/** The catalog models the fuzz runs, as the server and the browser see them. */
export const CATALOG_MODELS: readonly ModelDefinition[] = [definition(FLUX_KLEIN_ID), definition(SEEDREAM_LITE_ID)];

/** One valid request per catalog model. */
const BASES: Record<string, Record<string, unknown>> = {
  [FLUX_KLEIN_ID]: { model: FLUX_KLEIN_ID, prompt: "a lighthouse at dusk", number_of_images: 1, aspect_ratio: "1:1", seed: 7 },
  [SEEDREAM_LITE_ID]: { model: SEEDREAM_LITE_ID, prompt: "make it stormy", images: [URL_IMAGE], quality: "2K" },
};

/** The fuzz's kind of value for a form field of a catalog model. */
function kindOf(spec: FieldSpec): FieldKind {
  switch (spec.kind) {
    case "number":
    case "seed":
    case "slider":
      return { kind: "number", min: spec.min ?? 0, max: spec.max ?? 0, integer: spec.kind === "seed" || spec.step === 1 };
    case "select":
      return { kind: "enum", values: spec.options ?? [] };
    case "toggle":
      return { kind: "boolean" };
    case "image":
      return { kind: "image" };
    case "images":
      return { kind: "images", max: spec.max ?? 1 };
    default:
      return { kind: "text", max: spec.max ?? 2000, blankIsAbsent: spec.name === "negative_prompt" };
  }
}

export function brokenCatalogJobBody(rng: Prng): JobBody {
  const model = rng.pick(CATALOG_MODELS);
  const body = BASES[model.id];
  const fields = model.taskFields.TEXT_IMAGE ?? [];
  const strategy = rng.int(5);
  if (strategy < 3) {
    const spec = rng.pick(fields);
    const value = rng.pick(invalidValues(kindOf(spec), rng));
    const prompt = spec.name !== "prompt" && rng.chance(0.3) ? { prompt: rng.pick(ODD_TEXT) } : {};
    return { text: jsonText({ ...body, ...prompt, [spec.name]: value }), what: `${model.id}: ${spec.name} broken` };
  }
  if (strategy === 3) {
    const rest = { ...body };
    delete rest.prompt;
    return { text: jsonText(rest), what: `${model.id}: required prompt missing` };
  }
  // A Nova Canvas field, or a prototype key, on a model that does not take it.
  const key = rng.pick(["__proto__", rng.pick(PROTO_KEYS), "cfg_scale", "size_scale", "task_type"]);
  const value = key === "task_type" ? "INPAINTING" : rng.pick<unknown>([{ number_of_images: 4 }, "x", 7, null, raw("1e309")]);
  return { text: jsonText(withKey(body, key, value)), what: `${model.id}: unknown key ${key}` };
}
