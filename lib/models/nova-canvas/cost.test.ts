import { describe, expect, it } from "vitest";
import { estimateJobCost } from "@/lib/models/nova-canvas/cost";
import { parseOk, VALID, variant } from "@/lib/models/nova-canvas/test-fixtures";

describe("estimateJobCost", () => {
  it("prices aspect-ratio tasks from the output size", () => {
    expect(estimateJobCost(parseOk(variant("TEXT_IMAGE", { number_of_images: 3 })))).toEqual({
      perImageMicros: 120_000,
      images: 3,
      totalMicros: 360_000,
      width: 1024,
      height: 1024,
    });
    expect(estimateJobCost(parseOk(variant("COLOR_GUIDED_GENERATION", { size_scale: "large", quality: "premium", number_of_images: 2 })))).toEqual({
      perImageMicros: 240_000,
      images: 2,
      totalMicros: 480_000,
      width: 2048,
      height: 2048,
    });
  });

  it("prices 4:1 large (2048×512 = 1,048,576 px) at the small tier, by pixel count", () => {
    const estimate = estimateJobCost(parseOk(variant("IMAGE_VARIATION", { aspect_ratio: "4:1", size_scale: "large" })));
    expect(estimate).toMatchObject({ width: 2048, height: 512, perImageMicros: 120_000 });
  });

  it("prices size-keeping tasks from the input size when known, else as small", () => {
    const req = parseOk(variant("INPAINTING", { quality: "premium", number_of_images: 2 }));
    expect(estimateJobCost(req, { width: 1500, height: 1000 })).toEqual({
      perImageMicros: 240_000,
      images: 2,
      totalMicros: 480_000,
      width: 1500,
      height: 1000,
    });
    expect(estimateJobCost(req)).toEqual({ perImageMicros: 180_000, images: 2, totalMicros: 360_000, width: null, height: null });
  });

  it("ignores the input size for aspect-ratio tasks", () => {
    const estimate = estimateJobCost(parseOk(variant("IMAGE_VARIATION", {})), { width: 4000, height: 3000 });
    expect(estimate).toMatchObject({ width: 1024, height: 1024, perImageMicros: 120_000 });
  });

  it("prices BACKGROUND_REMOVAL as one standard image", () => {
    expect(estimateJobCost(parseOk(VALID.BACKGROUND_REMOVAL), { width: 3000, height: 2000 })).toEqual({
      perImageMicros: 180_000,
      images: 1,
      totalMicros: 180_000,
      width: 3000,
      height: 2000,
    });
    expect(estimateJobCost({ task_type: "BACKGROUND_REMOVAL", quality: "premium", number_of_images: 4 }).totalMicros).toBe(120_000);
  });

  it("estimates a half-filled form draft with defaults", () => {
    expect(estimateJobCost({ task_type: "TEXT_IMAGE", number_of_images: "" })).toMatchObject({ images: 1, totalMicros: 120_000 });
    expect(estimateJobCost({ task_type: "TEXT_IMAGE", number_of_images: 9, quality: "premium" })).toMatchObject({
      images: 5,
      totalMicros: 900_000,
    });
  });
});
