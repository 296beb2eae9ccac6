import { describe, expect, it } from "vitest";
import { inputImageProblems, maskProblems } from "@/lib/models";
import type { ImageValue } from "./image-value";
import { describeImage, imageIssues } from "./problems";

const img = (over: Partial<ImageValue> = {}): ImageValue => ({
  dataUrl: "data:image/png;base64,",
  width: 1024,
  height: 768,
  format: "png",
  name: "a.png",
  bytes: 1000,
  translucentPixels: 0,
  nonBinaryPixels: 0,
  ...over,
});

const fixesOf = (v: ImageValue, field = "image") => imageIssues(v, { field }).map((i) => i.fixes.map((f) => `${f.fix}:${f.label}`));

describe("imageIssues for input images", () => {
  it("has nothing to say about a valid image", () => {
    expect(imageIssues(img(), { field: "image" })).toEqual([]);
    expect(imageIssues(img({ format: "jpeg", width: 1280, height: 320 }), { field: "reference_image" })).toEqual([]);
  });

  it("uses the shared rules' messages word for word", () => {
    const v = img({ width: 5000, height: 600, format: "webp", translucentPixels: 12 });
    const expected = inputImageProblems("images[1]", { width: 5000, height: 600, format: "webp", translucentPixels: 12 }).map((p) => p.message);
    expect(imageIssues(v, { field: "images[1]" }).map((i) => i.message)).toEqual(expected);
    expect(imageIssues(v, { field: "images[1]" }).every((i) => i.field === "images[1]")).toBe(true);
  });

  it("maps each problem to its one-click fixes", () => {
    expect(fixesOf(img({ width: 4500, height: 2000 }))).toEqual([["downscale:Downscale to fit"]]);
    expect(fixesOf(img({ width: 2100, height: 2100 }))).toEqual([["downscale:Downscale to fit"]]);
    expect(fixesOf(img({ translucentPixels: 1 }))).toEqual([["flatten:Flatten onto"]]);
    expect(fixesOf(img({ format: "webp" }))).toEqual([["convert:Convert to PNG"]]);
    expect(fixesOf(img({ bitsPerChannel: 16 }))).toEqual([["convert:Convert to PNG"]]);
  });

  it("offers pad and crop for an extreme aspect ratio, in the right direction", () => {
    expect(fixesOf(img({ width: 2000, height: 400 }))).toEqual([["pad:Pad to 4:1", "crop:Crop to 4:1"]]);
    expect(fixesOf(img({ width: 400, height: 2000 }))).toEqual([["pad:Pad to 1:4", "crop:Crop to 1:4"]]);
  });

  it("offers no crop when the short side is below the minimum (cropping cannot lengthen it)", () => {
    expect(fixesOf(img({ width: 1600, height: 300 }))).toEqual([["pad:Pad to 4:1"]]);
    expect(fixesOf(img({ width: 300, height: 400 }))).toEqual([["pad:Pad to at least 320 px"]]);
  });
});

describe("imageIssues for masks", () => {
  const image = { width: 1024, height: 768 };
  const mask = (over: Partial<ImageValue> = {}) => img({ name: "mask.png", ...over });

  it("accepts a binary PNG of the image's size", () => {
    expect(imageIssues(mask(), { field: "mask_image", kind: "mask", matchSize: image })).toEqual([]);
  });

  it("reports size and greys with the shared messages and their fixes", () => {
    const v = mask({ width: 2048, height: 1536, nonBinaryPixels: 40 });
    const issues = imageIssues(v, { field: "mask_image", kind: "mask", matchSize: image });
    expect(issues.map((i) => i.message)).toEqual(maskProblems("mask_image", { width: 2048, height: 1536, nonBinaryPixels: 40 }, image).map((p) => p.message));
    expect(issues.map((i) => i.fixes.map((f) => f.label))).toEqual([["Resize to 1024×768"], ["Make pure black and white"]]);
  });

  it("takes the whole image value as matchSize without mixing up the two images' facts", () => {
    const photo = img({ nonBinaryPixels: 786_432, translucentPixels: 5 });
    expect(imageIssues(mask(), { field: "mask_image", kind: "mask", matchSize: photo })).toEqual([]);
  });

  it("has no resize fix when the mask has another shape", () => {
    const issues = imageIssues(mask({ width: 1000, height: 1000 }), { field: "mask_image", kind: "mask", matchSize: image });
    expect(issues).toHaveLength(1);
    expect(issues[0].fixes).toEqual([]);
  });

  it("names the image field in the size message and skips the size check with no image yet", () => {
    const issues = imageIssues(mask({ width: 10, height: 10 }), { field: "mask_image", kind: "mask", matchSize: image, imageField: "image" });
    expect(issues[0].message).toBe("mask_image must be exactly 1024×768, the size of image (got 10×10)");
    expect(imageIssues(mask({ width: 10, height: 10 }), { field: "mask_image", kind: "mask", matchSize: null })).toEqual([]);
  });

  it("wants a PNG, with a convert fix, and ignores the photo rules", () => {
    const issues = imageIssues(mask({ format: "jpeg", width: 200, height: 2000 }), { field: "mask_image", kind: "mask" });
    expect(issues.map((i) => i.message)).toEqual(["mask_image must be a PNG (got jpeg); lossy formats turn black and white into greys"]);
    expect(issues[0].fixes[0].fix).toBe("convert");
  });
});

describe("describeImage", () => {
  it("reads as size · bytes · format", () => {
    expect(describeImage({ width: 2508, height: 1672, bytes: 1_234_567, format: "jpeg" })).toBe("2508 × 1672 · 1.2 MB · JPEG");
    expect(describeImage({ width: 320, height: 320, bytes: 2048, format: "png" })).toBe("320 × 320 · 2.0 KB · PNG");
  });
});
