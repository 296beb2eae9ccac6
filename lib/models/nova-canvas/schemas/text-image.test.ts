import { describe, expect, it } from "vitest";
import { STYLES } from "@/lib/models/nova-canvas/options";
import { IMG, messagesFor, parseOk, variant } from "@/lib/models/nova-canvas/test-fixtures";

describe("TEXT_IMAGE", () => {
  it("is the default task type", () => {
    expect(parseOk({ prompt: "a fox" })).toMatchObject({ task_type: "TEXT_IMAGE", prompt: "a fox" });
  });

  it.each(STYLES)("accepts style %s", (style) => {
    expect(parseOk(variant("TEXT_IMAGE", { style }))).toMatchObject({ style });
  });

  it("rejects an unknown style", () => {
    expect(messagesFor(variant("TEXT_IMAGE", { style: "WATERCOLOR" }), "style")[0]).toMatch(
      /^style must be one of 3D_ANIMATED_FAMILY_FILM, .*SOFT_DIGITAL_PAINTING \(got "WATERCOLOR"\)$/,
    );
  });

  it("adds no control settings without a condition image", () => {
    const req = parseOk(variant("TEXT_IMAGE", {}));
    expect(req).not.toHaveProperty("control_mode");
    expect(req).not.toHaveProperty("control_strength");
  });

  it("defaults control_mode CANNY_EDGE and control_strength 0.7 when a condition image is given", () => {
    expect(parseOk(variant("TEXT_IMAGE", { image: IMG }))).toMatchObject({
      image: IMG,
      control_mode: "CANNY_EDGE",
      control_strength: 0.7,
    });
    expect(parseOk(variant("TEXT_IMAGE", { image: IMG, control_mode: "SEGMENTATION", control_strength: 0.2 }))).toMatchObject({
      control_mode: "SEGMENTATION",
      control_strength: 0.2,
    });
  });

  it("rejects control_mode and control_strength without a condition image", () => {
    const input = variant("TEXT_IMAGE", { control_mode: "CANNY_EDGE", control_strength: 0.5 });
    expect(messagesFor(input, "control_mode")).toEqual([
      "control_mode needs a condition image: add image or remove control_mode",
    ]);
    expect(messagesFor(input, "control_strength")).toEqual([
      "control_strength needs a condition image: add image or remove control_strength",
    ]);
  });

  it("control_strength: 0 and 1 ok, -0.01 and 1.01 rejected", () => {
    expect(parseOk(variant("TEXT_IMAGE", { image: IMG, control_strength: 0 }))).toMatchObject({ control_strength: 0 });
    expect(parseOk(variant("TEXT_IMAGE", { image: IMG, control_strength: 1 }))).toMatchObject({ control_strength: 1 });
    expect(messagesFor(variant("TEXT_IMAGE", { image: IMG, control_strength: -0.01 }), "control_strength")).toEqual([
      "control_strength must be between 0 and 1 (got -0.01)",
    ]);
    expect(messagesFor(variant("TEXT_IMAGE", { image: IMG, control_strength: 1.01 }), "control_strength")).toEqual([
      "control_strength must be between 0 and 1 (got 1.01)",
    ]);
  });

  it("rejects an unknown control_mode", () => {
    expect(messagesFor(variant("TEXT_IMAGE", { image: IMG, control_mode: "DEPTH" }), "control_mode")).toEqual([
      'control_mode must be one of CANNY_EDGE, SEGMENTATION (got "DEPTH")',
    ]);
  });

  it.each(["similarity_strength", "colors", "mask_image", "mask_prompt", "reference_image", "outpainting_mode", "mask_type"])(
    "rejects %s, a parameter of another task",
    (field) => {
      expect(messagesFor(variant("TEXT_IMAGE", { [field]: "x" }), field)).toEqual([
        `${field} is not a parameter of TEXT_IMAGE`,
      ]);
    },
  );
});
