import { describe, expect, it } from "vitest";
import { IMG, messagesFor, parseOk, variant } from "@/lib/models/nova-canvas/test-fixtures";

describe("BACKGROUND_REMOVAL", () => {
  it("takes only the image and adds no generation defaults", () => {
    expect(parseOk(variant("BACKGROUND_REMOVAL", {}))).toEqual({ task_type: "BACKGROUND_REMOVAL", image: IMG });
  });

  it("requires the image", () => {
    expect(messagesFor(variant("BACKGROUND_REMOVAL", { image: undefined }), "image")).toEqual(["image is required"]);
  });

  it.each([
    ["number_of_images", 1],
    ["quality", "standard"],
    ["cfg_scale", 7.5],
    ["seed", 1],
    ["negative_prompt", "blur"],
    ["aspect_ratio", "1:1"],
    ["mask_image", IMG],
  ])("rejects %s", (field, value) => {
    expect(messagesFor(variant("BACKGROUND_REMOVAL", { [field]: value }), field)).toEqual([
      `${field} is not a parameter of BACKGROUND_REMOVAL`,
    ]);
  });
});
