import { describe, expect, it } from "vitest";
import { buildModelDetail } from "@/lib/emulator/catalog/catalog-json";
import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import { catalogDefinition } from "@/lib/models/catalog/catalog-definition";
import type { CatalogModel } from "@/lib/models/catalog/catalog-model";
import { parseModelDetail } from "@/lib/models/catalog/parse-catalog";
import type { ModelDefinition } from "@/lib/models/model-definition";

/** The engine's catalog entry, through JSON text and the parser, as the server reads it. */
function catalogModel(id: string, retired: { model: string; on: string }[] = []): CatalogModel {
  const { model } = parseModelDetail(JSON.parse(JSON.stringify(buildModelDetail(id, retired))));
  if (!model) throw new Error(`no catalog entry for ${id}`);
  return model;
}

function defined(id: string): ModelDefinition {
  const { definition } = catalogDefinition(catalogModel(id));
  if (!definition) throw new Error(`no definition for ${id}`);
  return definition;
}

const PNG = "data:image/png;base64,iVBORw0KGgo=";

describe("a definition built from the fast text-to-image model's catalog entry", () => {
  const flux = defined(FLUX_KLEIN_ID);

  it("is a catalog model with one text-to-image task and the fields its entry lists", () => {
    expect(flux).toMatchObject({ id: FLUX_KLEIN_ID, source: "catalog", lifecycle: { status: "active" }, taskTypes: ["TEXT_IMAGE"] });
    expect(flux.taskLabels.TEXT_IMAGE?.label).toBe("Text to image");
    // negative_prompt is documented as ignored: not offered.
    expect(flux.taskParams.TEXT_IMAGE).toEqual(["prompt", "number_of_images", "aspect_ratio", "resolution", "seed"]);
    expect(flux.taskFields.TEXT_IMAGE?.find((f) => f.name === "number_of_images")).toMatchObject({ kind: "number", min: 1, max: 4 });
  });

  it("accepts a prompt and writes the documented defaults out", () => {
    const result = flux.validate({ prompt: "a red fox", model: FLUX_KLEIN_ID });
    expect(result).toEqual({ ok: true, value: { task_type: "TEXT_IMAGE", model: FLUX_KLEIN_ID, prompt: "a red fox", number_of_images: 1, aspect_ratio: "1:1" } });
  });

  it("names the field and the limit of every problem at once", () => {
    const result = flux.validate({ prompt: "", number_of_images: 5, aspect_ratio: "5:1", cfg_scale: 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
    expect(byField.prompt).toBe("prompt must not be empty");
    expect(byField.number_of_images).toBe("number_of_images must be between 1 and 4 (got 5)");
    expect(byField.aspect_ratio).toMatch(/^aspect_ratio must be one of 1:1, 4:3/);
    expect(byField.cfg_scale).toBe("cfg_scale is not a parameter of FLUX.2 [klein] 4B");
  });

  it("refuses another model's id, a wrong task and a __proto__ key", () => {
    expect(flux.validate({ prompt: "x", model: "other" }).ok).toBe(false);
    expect(flux.validate({ prompt: "x", task_type: "INPAINTING" }).ok).toBe(false);
    expect(flux.validate(JSON.parse('{"prompt":"x","__proto__":{"number_of_images":4}}')).ok).toBe(false);
  });

  it("costs $0.0085 per image, from its pricing row", () => {
    expect(flux.estimateCost({ task_type: "TEXT_IMAGE", number_of_images: 3 })).toMatchObject({ perImageMicros: 8_500, images: 3, totalMicros: 25_500 });
    expect(flux.estimateCost({ task_type: "TEXT_IMAGE" })).toMatchObject({ images: 1, totalMicros: 8_500 });
    expect(flux.outputPriceMicros({}, { width: 1024, height: 1024 })).toBe(8_500);
  });

  it("sends the catalog's own names, and no task type", () => {
    const result = flux.validate({ prompt: "a red fox", number_of_images: 2, seed: 7 });
    if (!result.ok) throw new Error("invalid");
    expect(flux.buildPayload(result.value, { sync: true })).toEqual({
      model: FLUX_KLEIN_ID,
      prompt: "a red fox",
      num_images: 2,
      aspect_ratio: "1:1",
      seed: 7,
      sync: true,
    });
  });

  it("draws a seed within the catalog's range when none is given, and keeps a given one", () => {
    const base = { task_type: "TEXT_IMAGE" as const, prompt: "x" };
    expect(flux.ensureSeed(base, () => 0).seed).toBe(0);
    expect(flux.ensureSeed(base, () => 0.999999999999).seed).toBe(2_147_483_647);
    expect(flux.ensureSeed({ ...base, seed: 5 }, () => 0.5).seed).toBe(5);
  });
});

describe("a definition built from the editing model's catalog entry", () => {
  const seedream = defined(SEEDREAM_LITE_ID);

  it("takes up to 14 reference images as `images` and sends them as `image`", () => {
    expect(seedream.taskLabels.TEXT_IMAGE?.label).toBe("Generate or edit");
    expect(seedream.taskFields.TEXT_IMAGE?.find((f) => f.name === "images")).toMatchObject({ kind: "images", max: 14 });
    const ok = seedream.validate({ prompt: "make it blue", images: [PNG, PNG] });
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(ok.value.quality).toBe("2K");
    expect(seedream.buildPayload(ok.value)).toMatchObject({ image: [PNG, PNG], quality: "2K", num_images: 1 });
    const tooMany = seedream.validate({ prompt: "x", images: Array(15).fill(PNG) });
    expect(!tooMany.ok && tooMany.errors).toEqual([{ field: "images", message: "images must have between 1 and 14 images (got 15)" }]);
  });

  it("costs $0.035 per image", () => {
    expect(seedream.estimateCost({ task_type: "TEXT_IMAGE", number_of_images: 1 }).totalMicros).toBe(35_000);
  });
});

describe("what cannot be offered", () => {
  const flux = catalogModel(FLUX_KLEIN_ID);

  it("leaves out a model without a per-image price, saying why", () => {
    const { definition, skipped } = catalogDefinition({ ...flux, imagePriceMicros: null, imagePrices: [] });
    expect(definition).toBeNull();
    expect(skipped.at(-1)).toMatch(/no per-image price/);
  });

  it("leaves out a model without a prompt, and a number without a range", () => {
    const noPrompt = catalogDefinition({ ...flux, params: flux.params.filter((p) => p.name !== "prompt") });
    expect(noPrompt.definition).toBeNull();
    const unbounded = catalogDefinition({ ...flux, params: [...flux.params, { ...flux.params[0], name: "steps", kind: "integer", min: null, max: null }] });
    expect(unbounded.definition?.taskParams.TEXT_IMAGE).not.toContain("steps");
    expect(unbounded.skipped).toContain("steps: a number without a stated range");
  });

  it("shows a retired catalog model as retired, with its date", () => {
    const { definition } = catalogDefinition(catalogModel(FLUX_KLEIN_ID, [{ model: FLUX_KLEIN_ID, on: "2026-12-01" }]));
    expect(definition?.lifecycle).toEqual({ status: "retired", retiresOn: "2026-12-01" });
  });
});

describe("prices that depend on parameters", () => {
  it("uses the most specific matching row, else the lowest price", () => {
    const flux = catalogModel(FLUX_KLEIN_ID);
    const variants: CatalogModel = {
      ...flux,
      params: [...flux.params, { ...flux.params[0], name: "model_variant", kind: "enum", options: ["standard", "pro"], default: "standard", required: false, min: null, max: null }],
      imagePriceMicros: 30_000,
      imagePrices: [
        { priceMicros: 30_000, conditions: { model_variant: ["standard"] } },
        { priceMicros: 75_000, conditions: { model_variant: ["pro"] } },
      ],
    };
    const def = catalogDefinition(variants).definition!;
    expect(def.estimateCost({ task_type: "TEXT_IMAGE", model_variant: "pro" }).perImageMicros).toBe(75_000);
    expect(def.estimateCost({ task_type: "TEXT_IMAGE" }).perImageMicros).toBe(30_000);
    expect(def.outputPriceMicros({ model_variant: "pro" }, { width: 1, height: 1 })).toBe(75_000);
  });
});
