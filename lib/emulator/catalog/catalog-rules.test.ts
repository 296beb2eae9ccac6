import { describe, expect, it } from "vitest";
import { ENGINE_IMAGE_MODELS, engineImageModel, FLUX_KLEIN_ID, SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import { parseResolution, sizeForAspect } from "@/lib/emulator/catalog/output-size";
import { validateParams } from "@/lib/emulator/catalog/validate-params";

const detail = (id: string) => engineImageModel(id)!.detail;

describe("validateParams", () => {
  it("fills defaults and drops ignored parameters, so sending a default changes nothing", () => {
    const a = validateParams(detail(FLUX_KLEIN_ID), { prompt: "x", negative_prompt: "y" });
    const b = validateParams(detail(FLUX_KLEIN_ID), { prompt: "x", num_images: 1, aspect_ratio: "1:1", seed: null });
    expect(a).toEqual({ ok: true, value: { prompt: "x", num_images: 1, aspect_ratio: "1:1" } });
    expect(b).toEqual(a);
  });

  it("reports every problem, each naming its field and limit", () => {
    const r = validateParams(detail(SEEDREAM_LITE_ID), { prompt: "", num_images: 2.5, quality: "1K", image: [1], style: "x", seed: 2 ** 31 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { field: "style", message: expect.stringContaining(`style is not a parameter of ${SEEDREAM_LITE_ID}; it takes prompt, `) },
      { field: "prompt", message: "prompt must be a string of 1 to 2000 characters (got \"\")" },
      { field: "num_images", message: "num_images must be an integer from 1 to 4 (got 2.5)" },
      { field: "quality", message: 'quality must be one of 2K, 3K (got "1K")' },
      { field: "seed", message: "seed must be an integer from 0 to 2147483647 (got 2147483648)" },
      { field: "image", message: "image[0] must be an image: a public URL or a data: URI" },
    ]);
  });

  it("does not echo a long value back", () => {
    const r = validateParams(detail(FLUX_KLEIN_ID), { prompt: "p".repeat(2001) });
    expect(!r.ok && r.problems[0].message).toBe("prompt must be a string of 1 to 2000 characters (got a string of 2001 characters)");
  });
});

describe("output sizes", () => {
  it("stay within each model's pixel budget, sides multiples of 16, for every aspect ratio", () => {
    for (const model of ENGINE_IMAGE_MODELS) {
      const aspects = model.detail.supported_parameters.find((p) => p.name === "aspect_ratio")!.enum as string[];
      for (const quality of ["2K", "3K"]) {
        const budget = model.pixelBudget({ quality });
        for (const aspect of aspects) {
          const { width, height } = sizeForAspect(aspect, budget);
          expect(width * height).toBeLessThanOrEqual(budget);
          expect(width * height).toBeGreaterThan(budget * 0.9);
          expect([width % 16, height % 16]).toEqual([0, 0]);
        }
      }
    }
  });

  it("reads WxH resolutions and says why others are refused", () => {
    expect(parseResolution("1024x1024", 1_048_576)).toEqual({ width: 1024, height: 1024 });
    expect(parseResolution("1024 x 1024", 1_048_576)).toMatch(/WxH/);
    expect(parseResolution("1000x1000", 1_048_576)).toMatch(/multiples of 16/);
    expect(parseResolution("128x128", 1_048_576)).toMatch(/at least 256/);
    expect(parseResolution("1040x1024", 1_048_576)).toMatch(/1,064,960 px; this model makes at most 1,048,576 px/);
  });
});
