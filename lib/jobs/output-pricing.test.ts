import { describe, expect, it } from "vitest";
import { novaCanvas } from "@/lib/models";
import { outputPricing } from "./output-pricing";

describe("outputPricing", () => {
  it("prices each image by its model's rate card and real size", () => {
    const price = outputPricing({ model: novaCanvas.id, params: { quality: "premium" }, estimatedCostMicros: 0, imagesRequested: 1 });
    expect(price({ width: 1024, height: 1024 })).toBe(180_000);
    expect(price({ width: 2048, height: 2048 })).toBe(240_000);
  });

  it("keeps the submit-time estimate per image for a model the app no longer knows", () => {
    const price = outputPricing({ model: "gone-from-catalog", params: {}, estimatedCostMicros: 105_000, imagesRequested: 3 });
    expect(price({ width: 1, height: 1 })).toBe(35_000);
  });
});
