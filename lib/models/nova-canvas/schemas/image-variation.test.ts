import { describe, expect, it } from "vitest";
import { IMG, IMG2, messagesFor, parseOk, variant } from "@/lib/models/nova-canvas/test-fixtures";

describe("IMAGE_VARIATION", () => {
  it("defaults similarity_strength to 0.7 and takes an optional prompt", () => {
    expect(parseOk(variant("IMAGE_VARIATION", {}))).toMatchObject({ similarity_strength: 0.7, image: IMG });
    expect(parseOk(variant("IMAGE_VARIATION", { prompt: "in winter" }))).toMatchObject({ prompt: "in winter" });
  });

  it("similarity_strength: 0.2 and 1.0 ok, 0.19 and 1.01 rejected", () => {
    expect(parseOk(variant("IMAGE_VARIATION", { similarity_strength: 0.2 }))).toMatchObject({ similarity_strength: 0.2 });
    expect(parseOk(variant("IMAGE_VARIATION", { similarity_strength: 1.0 }))).toMatchObject({ similarity_strength: 1 });
    expect(messagesFor(variant("IMAGE_VARIATION", { similarity_strength: 0.19 }), "similarity_strength")).toEqual([
      "similarity_strength must be between 0.2 and 1 (got 0.19)",
    ]);
    expect(messagesFor(variant("IMAGE_VARIATION", { similarity_strength: 1.01 }), "similarity_strength")).toEqual([
      "similarity_strength must be between 0.2 and 1 (got 1.01)",
    ]);
  });

  it("accepts images with 1 and 5 items instead of image", () => {
    expect(parseOk(variant("IMAGE_VARIATION", { image: undefined, images: [IMG] }))).toMatchObject({ images: [IMG] });
    const five = [IMG, IMG2, IMG, IMG2, IMG];
    expect(parseOk(variant("IMAGE_VARIATION", { image: undefined, images: five }))).toMatchObject({ images: five });
  });

  it("rejects images with 0 or 6 items", () => {
    expect(messagesFor(variant("IMAGE_VARIATION", { image: undefined, images: [] }), "images")).toEqual([
      "images must have between 1 and 5 images (got 0)",
    ]);
    expect(messagesFor(variant("IMAGE_VARIATION", { image: undefined, images: Array(6).fill(IMG) }), "images")).toEqual([
      "images must have between 1 and 5 images (got 6)",
    ]);
  });

  it("names the bad item of images", () => {
    expect(messagesFor(variant("IMAGE_VARIATION", { image: undefined, images: [IMG, ""] }), "images")).toEqual([
      "images[1] must not be empty",
    ]);
    expect(messagesFor(variant("IMAGE_VARIATION", { image: undefined, images: [7] }), "images")).toEqual([
      "images[0] must be an image (got 7)",
    ]);
  });

  it("needs exactly one of image and images", () => {
    expect(messagesFor(variant("IMAGE_VARIATION", { images: [IMG2] }), "images")).toEqual([
      "give either image or images, not both",
    ]);
    expect(messagesFor(variant("IMAGE_VARIATION", { image: undefined }), "image")).toEqual([
      "image is required for IMAGE_VARIATION (or images, 1 to 5 of them)",
    ]);
  });

  it("rejects style (a TEXT_IMAGE parameter)", () => {
    expect(messagesFor(variant("IMAGE_VARIATION", { style: "PHOTOREALISM" }), "style")).toEqual([
      "style is not a parameter of IMAGE_VARIATION",
    ]);
  });
});
