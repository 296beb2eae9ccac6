import { describe, expect, it } from "vitest";
import { errorsOf, MASK, messagesFor, parseOk, variant } from "@/lib/models/nova-canvas/test-fixtures";

describe("INPAINTING", () => {
  it("accepts each mask source alone, with or without a prompt", () => {
    expect(parseOk(variant("INPAINTING", {}))).toMatchObject({ mask_image: MASK });
    expect(parseOk(variant("INPAINTING", { mask_image: undefined, mask_prompt: "the car" }))).toMatchObject({
      mask_prompt: "the car",
    });
    expect(parseOk(variant("INPAINTING", { mask_image: undefined, inpaint_mask_prompt: "the car" }))).toMatchObject({
      inpaint_mask_prompt: "the car",
    });
    expect(parseOk(variant("INPAINTING", { prompt: "a bicycle" }))).toMatchObject({ prompt: "a bicycle" });
  });

  it("requires a mask source", () => {
    expect(messagesFor(variant("INPAINTING", { mask_image: undefined }), "mask_image")).toEqual([
      "INPAINTING needs a mask: paint mask_image or describe the area in mask_prompt or inpaint_mask_prompt",
    ]);
  });

  it("rejects mask_image together with a mask prompt, on the prompt field", () => {
    expect(messagesFor(variant("INPAINTING", { mask_prompt: "the car" }), "mask_prompt")).toEqual([
      "give either mask_image or mask_prompt, not both",
    ]);
    expect(messagesFor(variant("INPAINTING", { inpaint_mask_prompt: "the car" }), "inpaint_mask_prompt")).toEqual([
      "give either mask_image or inpaint_mask_prompt, not both",
    ]);
  });

  it("never accepts both mask prompts", () => {
    const input = variant("INPAINTING", { mask_image: undefined, mask_prompt: "a", inpaint_mask_prompt: "b" });
    expect(messagesFor(input, "inpaint_mask_prompt")).toEqual([
      "give only one of mask_prompt or inpaint_mask_prompt, not both",
    ]);
  });

  it("requires the image", () => {
    expect(messagesFor(variant("INPAINTING", { image: undefined }), "image")).toEqual(["image is required"]);
  });

  it("limits mask prompts to 1024 characters", () => {
    expect(parseOk(variant("INPAINTING", { mask_image: undefined, mask_prompt: "m".repeat(1024) }))).toBeTruthy();
    expect(messagesFor(variant("INPAINTING", { mask_image: undefined, mask_prompt: "m".repeat(1025) }), "mask_prompt")).toEqual([
      "mask_prompt must be at most 1024 characters (got 1025)",
    ]);
  });

  it.each(["aspect_ratio", "outpainting_mode", "style", "similarity_strength"])("rejects %s", (field) => {
    expect(errorsOf(variant("INPAINTING", { [field]: "x" }))).toContainEqual({
      field,
      message: `${field} is not a parameter of INPAINTING`,
    });
  });
});
