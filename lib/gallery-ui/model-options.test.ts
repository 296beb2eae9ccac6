import { expect, it } from "vitest";
import type { ApiModel } from "@/lib/api-types";
import { modelOptions } from "@/lib/gallery-ui/model-options";
import { novaCanvas } from "@/lib/models";

const offered = (id: string, label: string): ApiModel => ({ id, label, source: "catalog", tasks: [], status: "active", retiresOn: null, unavailable: null, catalog: null });
const MODELS = [offered("flux-2-klein-4b", "FLUX.2 [klein] 4B"), offered("seedream-5-0-lite", "Seedream 5.0 Lite")];

it("lists the models of the history by label: offered ones by name, built-in ones by definition, gone ones by id", () => {
  expect(modelOptions([novaCanvas.id, "seedream-5-0-lite", "flux-2-klein-4b", "gone.model:1"], undefined, MODELS)).toEqual([
    { id: novaCanvas.id, label: novaCanvas.label },
    { id: "flux-2-klein-4b", label: "FLUX.2 [klein] 4B" },
    { id: "gone.model:1", label: "gone.model:1" },
    { id: "seedream-5-0-lite", label: "Seedream 5.0 Lite" },
  ]);
});

it("keeps the filtered model in the list when it made no image, once", () => {
  expect(modelOptions(["flux-2-klein-4b"], "unknown-model", MODELS).map((o) => o.id)).toEqual(["flux-2-klein-4b", "unknown-model"]);
  expect(modelOptions(["flux-2-klein-4b"], "flux-2-klein-4b", MODELS).map((o) => o.id)).toEqual(["flux-2-klein-4b"]);
});

it("works before the models have loaded (ids, built-in labels)", () => {
  expect(modelOptions(["flux-2-klein-4b", novaCanvas.id], undefined, undefined)).toEqual([
    { id: novaCanvas.id, label: novaCanvas.label },
    { id: "flux-2-klein-4b", label: "flux-2-klein-4b" },
  ]);
  expect(modelOptions([], undefined, MODELS)).toEqual([]);
});
