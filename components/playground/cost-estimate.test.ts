import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CostEstimate } from "@/components/playground/cost-estimate";
import { FLUX, SEEDREAM } from "@/lib/playground-form/test-models";
import { definitionOf } from "@/lib/queries/use-models";
import { novaCanvas, type ModelDefinition } from "@/lib/models";

/** The component as rendered with the store's first state (each model's default draft). */
const shown = (model: ModelDefinition) =>
  renderToString(createElement(CostEstimate, { model, task: "TEXT_IMAGE" })).replace(/<!-- -->/g, "");

describe("CostEstimate", () => {
  it("prices one image of each model with its defaults from the model's own estimate", () => {
    expect(shown(novaCanvas)).toContain("1 × $0.12 = $0.12");
    expect(shown(definitionOf(FLUX)!)).toContain("1 × $0.0085 = $0.0085");
    expect(shown(definitionOf(SEEDREAM)!)).toContain("1 × $0.035 = $0.035");
  });
});
