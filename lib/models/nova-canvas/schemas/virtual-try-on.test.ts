import { describe, expect, it } from "vitest";
import { errorsOf, IMG, MASK, messagesFor, parseOk, variant } from "@/lib/models/nova-canvas/test-fixtures";

const IMAGE_MASK = { mask_type: "IMAGE", garment_class: undefined, mask_image: MASK };
const PROMPT_MASK = { mask_type: "PROMPT", garment_class: undefined, mask_prompt: "upper body" };

describe("VIRTUAL_TRY_ON", () => {
  it("accepts each mask type with its own field", () => {
    expect(parseOk(variant("VIRTUAL_TRY_ON", {}))).toMatchObject({ mask_type: "GARMENT", garment_class: "UPPER_BODY" });
    expect(parseOk(variant("VIRTUAL_TRY_ON", IMAGE_MASK))).toMatchObject({ mask_type: "IMAGE", mask_image: MASK });
    expect(parseOk(variant("VIRTUAL_TRY_ON", PROMPT_MASK))).toMatchObject({ mask_type: "PROMPT", mask_prompt: "upper body" });
  });

  it("requires image, reference_image and mask_type", () => {
    const input = variant("VIRTUAL_TRY_ON", { image: undefined, reference_image: undefined, mask_type: undefined });
    expect(errorsOf(input)).toEqual(
      expect.arrayContaining([
        { field: "image", message: "image is required" },
        { field: "reference_image", message: "reference_image is required" },
        { field: "mask_type", message: "mask_type is required" },
      ]),
    );
  });

  it("rejects an unknown mask_type", () => {
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { mask_type: "AUTO" }), "mask_type")).toEqual([
      'mask_type must be one of IMAGE, GARMENT, PROMPT (got "AUTO")',
    ]);
  });

  it.each([
    ["IMAGE", "mask_image"],
    ["GARMENT", "garment_class"],
    ["PROMPT", "mask_prompt"],
  ])("mask_type %s requires %s", (maskType, field) => {
    const input = variant("VIRTUAL_TRY_ON", { mask_type: maskType, garment_class: undefined });
    expect(messagesFor(input, field)).toEqual([`${field} is required when mask_type is ${maskType}`]);
  });

  it("rejects the field of another mask type", () => {
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { mask_image: MASK }), "mask_image")).toEqual([
      "mask_image applies only when mask_type is IMAGE (mask_type is GARMENT)",
    ]);
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { ...IMAGE_MASK, garment_class: "SHOES" }), "garment_class")).toEqual([
      "garment_class applies only when mask_type is GARMENT (mask_type is IMAGE)",
    ]);
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { ...IMAGE_MASK, mask_prompt: "legs" }), "mask_prompt")).toEqual([
      "mask_prompt applies only when mask_type is PROMPT (mask_type is IMAGE)",
    ]);
  });

  it("accepts garment styling with GARMENT only", () => {
    const styling = { long_sleeve_style: "SLEEVE_UP", tucking_style: "TUCKED", outer_layer_style: "OPEN" };
    expect(parseOk(variant("VIRTUAL_TRY_ON", styling))).toMatchObject(styling);
    for (const [field, value] of Object.entries(styling)) {
      expect(messagesFor(variant("VIRTUAL_TRY_ON", { ...PROMPT_MASK, [field]: value }), field)).toEqual([
        `${field} applies only when mask_type is GARMENT (mask_type is PROMPT)`,
      ]);
    }
  });

  it("accepts mask_shape with GARMENT and PROMPT, not IMAGE", () => {
    for (const shape of ["CONTOUR", "BOUNDING_BOX", "DEFAULT"]) {
      expect(parseOk(variant("VIRTUAL_TRY_ON", { mask_shape: shape }))).toMatchObject({ mask_shape: shape });
      expect(parseOk(variant("VIRTUAL_TRY_ON", { ...PROMPT_MASK, mask_shape: shape }))).toMatchObject({ mask_shape: shape });
    }
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { ...IMAGE_MASK, mask_shape: "CONTOUR" }), "mask_shape")).toEqual([
      "mask_shape applies only when mask_type is GARMENT or PROMPT (mask_type is IMAGE)",
    ]);
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { mask_shape: "CIRCLE" }), "mask_shape")[0]).toMatch(/^mask_shape must be one of/);
  });

  it("checks the preserve options, merge_style and return_mask", () => {
    const options = { preserve_body_pose: "ON", preserve_hands: "OFF", preserve_face: "DEFAULT", merge_style: "SEAMLESS", return_mask: true };
    expect(parseOk(variant("VIRTUAL_TRY_ON", options))).toMatchObject(options);
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { preserve_face: "YES" }), "preserve_face")).toEqual([
      'preserve_face must be one of ON, OFF, DEFAULT (got "YES")',
    ]);
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { merge_style: "FAST" }), "merge_style")).toEqual([
      'merge_style must be one of BALANCED, SEAMLESS, DETAILED (got "FAST")',
    ]);
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { return_mask: "yes" }), "return_mask")).toEqual([
      'return_mask must be true or false (got "yes")',
    ]);
  });

  it("rejects an unknown garment_class", () => {
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { garment_class: "HAT" }), "garment_class")[0]).toMatch(
      /^garment_class must be one of UPPER_BODY, .*OTHER_FOOTWEAR \(got "HAT"\)$/,
    );
  });

  it("has no prompt or aspect ratio, but has the generation settings", () => {
    expect(messagesFor(variant("VIRTUAL_TRY_ON", { prompt: "x" }), "prompt")).toEqual(["prompt is not a parameter of VIRTUAL_TRY_ON"]);
    expect(parseOk(variant("VIRTUAL_TRY_ON", { quality: "premium", seed: 5 }))).toMatchObject({
      quality: "premium",
      seed: 5,
      cfg_scale: 7.5,
      reference_image: expect.any(String),
      image: IMG,
    });
  });
});
