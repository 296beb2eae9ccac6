import { describe, expect, it } from "vitest";
import type { ApiInput } from "@/lib/api-types";
import { externalInputs, hasInputImages, inputLabel, sortInputs } from "@/components/gallery/job-inputs-model";

const input = (role: string, position = 0): ApiInput => ({
  sha256: `${role}${position}`,
  role,
  position,
  width: 512,
  height: 512,
  contentType: "image/png",
  url: `/api/inputs/${role}${position}`,
  sourceImageId: null,
});

describe("job inputs", () => {
  it("labels each role by task", () => {
    expect(inputLabel("image", 0, "INPAINTING")).toBe("Source image");
    expect(inputLabel("image", 0, "TEXT_IMAGE")).toBe("Condition image");
    expect(inputLabel("mask_image", 0, "INPAINTING")).toBe("Mask");
    expect(inputLabel("reference_image", 0, "VIRTUAL_TRY_ON")).toBe("Garment");
    expect(inputLabel("reference_image", 0, "COLOR_GUIDED_GENERATION")).toBe("Style reference");
    expect(inputLabel("images", 1, "IMAGE_VARIATION")).toBe("Variation input 2");
    expect(inputLabel("something_new", 0, "TEXT_IMAGE")).toBe("something_new");
  });

  it("orders source, variations, reference, mask", () => {
    const sorted = sortInputs([input("mask_image"), input("images", 1), input("reference_image"), input("images", 0), input("image")]);
    expect(sorted.map((i) => `${i.role}${i.position}`)).toEqual(["image0", "images0", "images1", "reference_image0", "mask_image0"]);
  });

  it("finds inputs given as URLs", () => {
    expect(externalInputs({ image: "https://x.test/a.png", images: [{ input: "s" }, "http://x.test/b.png"], prompt: "https://not-an-image" })).toEqual([
      { role: "image", position: 0, url: "https://x.test/a.png" },
      { role: "images", position: 1, url: "http://x.test/b.png" },
    ]);
  });

  it("badges tasks that need inputs, and others only when the job shows some", () => {
    expect(hasInputImages("INPAINTING")).toBe(true);
    expect(hasInputImages("TEXT_IMAGE")).toBe(false);
    expect(hasInputImages("TEXT_IMAGE", { inputs: [input("image")], params: {} })).toBe(true);
    expect(hasInputImages("TEXT_IMAGE", { inputs: [], params: { image: "https://x.test/a.png" } })).toBe(true);
    expect(hasInputImages("COLOR_GUIDED_GENERATION", { inputs: [], params: {} })).toBe(false);
  });
});
