import { describe, expect, it } from "vitest";
import { MASK, messagesFor, parseOk, variant } from "@/lib/models/nova-canvas/test-fixtures";

describe("OUTPAINTING", () => {
  it("defaults outpainting_mode to DEFAULT and accepts PRECISE", () => {
    expect(parseOk(variant("OUTPAINTING", {}))).toMatchObject({ outpainting_mode: "DEFAULT" });
    expect(parseOk(variant("OUTPAINTING", { outpainting_mode: "PRECISE" }))).toMatchObject({ outpainting_mode: "PRECISE" });
    expect(messagesFor(variant("OUTPAINTING", { outpainting_mode: "LOOSE" }), "outpainting_mode")).toEqual([
      'outpainting_mode must be one of DEFAULT, PRECISE (got "LOOSE")',
    ]);
  });

  it("accepts mask_image alone and mask_prompt alone", () => {
    expect(parseOk(variant("OUTPAINTING", { mask_prompt: undefined, mask_image: MASK }))).toMatchObject({ mask_image: MASK });
    expect(parseOk(variant("OUTPAINTING", {}))).toMatchObject({ mask_prompt: "the bottle" });
  });

  it("needs exactly one of mask_image and mask_prompt", () => {
    expect(messagesFor(variant("OUTPAINTING", { mask_image: MASK }), "mask_prompt")).toEqual([
      "give either mask_image or mask_prompt, not both",
    ]);
    expect(messagesFor(variant("OUTPAINTING", { mask_prompt: undefined }), "mask_image")).toEqual([
      "OUTPAINTING needs a mask: paint mask_image or describe the area in mask_prompt",
    ]);
  });

  it("has no inpaint_mask_prompt", () => {
    expect(messagesFor(variant("OUTPAINTING", { inpaint_mask_prompt: "x" }), "inpaint_mask_prompt")).toEqual([
      "inpaint_mask_prompt is not a parameter of OUTPAINTING",
    ]);
  });

  it("requires the prompt and the image", () => {
    expect(messagesFor(variant("OUTPAINTING", { prompt: undefined }), "prompt")).toEqual(["prompt is required"]);
    expect(messagesFor(variant("OUTPAINTING", { image: undefined }), "image")).toEqual(["image is required"]);
  });
});
