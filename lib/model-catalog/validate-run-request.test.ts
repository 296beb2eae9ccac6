import { describe, expect, it } from "vitest";
import { buildModelDetail } from "@/lib/emulator/catalog/catalog-json";
import { FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import { novaCanvas } from "@/lib/models";
import { parseModelDetail, type CatalogModel } from "@/lib/models/catalog";
import { mergeOffered } from "./offered-models";
import { validateRunRequest } from "./validate-run-request";

const retiredNova = [{ model: novaCanvas.id, on: "2026-09-30" }];
const entry = (id: string, retired: { model: string; on: string }[] = []): CatalogModel =>
  parseModelDetail(JSON.parse(JSON.stringify(buildModelDetail(id, retired)))).model!;
const offered = (retired: { model: string; on: string }[] = []) =>
  mergeOffered([novaCanvas.id, FLUX_KLEIN_ID, SEEDREAM_LITE_ID].map((id) => entry(id, retired)), new Map());

describe("validateRunRequest", () => {
  it("runs a request without `model` on the default model, unchanged", () => {
    const result = validateRunRequest({ prompt: "a fox" }, offered());
    expect(result.ok && result.value.model.id).toBe(novaCanvas.id);
  });

  it("runs a catalog model by its rules", () => {
    const ok = validateRunRequest({ model: FLUX_KLEIN_ID, prompt: "a fox", number_of_images: 4 }, offered());
    expect(ok.ok && ok.value.request.number_of_images).toBe(4);
    const bad = validateRunRequest({ model: FLUX_KLEIN_ID, prompt: "a fox", number_of_images: 5 }, offered());
    expect(!bad.ok && bad.errors.map((e) => e.field)).toEqual(["number_of_images"]);
  });

  it("names every model on offer for an unknown one", () => {
    const result = validateRunRequest({ model: "nope", prompt: "x" }, offered());
    expect(!result.ok && result.errors).toEqual([
      { field: "model", message: `model must be one of ${novaCanvas.id}, ${FLUX_KLEIN_ID}, ${SEEDREAM_LITE_ID} (got "nope")` },
    ]);
  });

  it("refuses a retired model with its date and the models that can run, with or without `model`", () => {
    for (const body of [{ prompt: "x" }, { model: novaCanvas.id, prompt: "x", number_of_images: 99 }]) {
      const result = validateRunRequest(body, offered(retiredNova));
      expect(!result.ok && result.errors).toEqual([
        { field: "model", message: "Amazon Nova Canvas was retired on 2026-09-30. Choose another model: FLUX.2 [klein] 4B, Seedream 5.0 Lite." },
      ]);
    }
    const other = validateRunRequest({ model: SEEDREAM_LITE_ID, prompt: "x" }, offered(retiredNova));
    expect(other.ok).toBe(true);
  });
});
