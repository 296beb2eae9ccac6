import { describe, expect, it } from "vitest";
import { downscaleToFit, inputImageProblems, maskProblems, resizeCanvasFor } from "./image-rules";

const ok = { width: 1024, height: 768, format: "png", bitsPerChannel: 8, translucentPixels: 0 };

describe("inputImageProblems", () => {
  it("accepts an image inside every limit", () => {
    expect(inputImageProblems("image", ok)).toEqual([]);
    expect(inputImageProblems("image", { ...ok, width: 320, height: 1280 })).toEqual([]);
    expect(inputImageProblems("image", { ...ok, width: 2048, height: 2048 })).toEqual([]);
  });

  it("names the field and the limit at each boundary", () => {
    expect(inputImageProblems("image", { ...ok, width: 319, height: 400 })[0]).toMatchObject({
      message: "image sides must be at least 320 px (got 319×400)",
      fix: "pad",
    });
    expect(inputImageProblems("image", { ...ok, width: 4097, height: 1024 })[0]).toMatchObject({
      message: "image sides must be at most 4096 px (got 4097×1024)",
      fix: "downscale",
    });
    expect(inputImageProblems("image", { ...ok, width: 2049, height: 2048 })[0]?.message).toBe(
      "image must have at most 4,194,304 pixels (got 4,196,352)",
    );
    expect(inputImageProblems("reference_image", { ...ok, width: 1284, height: 320 })[0]?.message).toMatch(
      /^reference_image aspect ratio must be between 1:4 and 4:1 \(got 1284×320, 4\.01:1\)$/,
    );
    expect(inputImageProblems("image", { ...ok, width: 1280, height: 320 })).toEqual([]);
  });

  it("rejects translucent pixels, other formats and bit depths", () => {
    expect(inputImageProblems("image", { ...ok, translucentPixels: 1 })[0]).toMatchObject({ fix: "flatten" });
    expect(inputImageProblems("image", { ...ok, format: "webp" })[0]?.message).toBe("image must be PNG or JPEG (got WEBP)");
    expect(inputImageProblems("image", { ...ok, bitsPerChannel: 16 })[0]?.message).toBe(
      "image must have 8 bits per channel (got 16)",
    );
  });
});

describe("maskProblems", () => {
  it("wants the image's exact size and pure black and white", () => {
    expect(maskProblems("mask_image", { width: 1024, height: 768, nonBinaryPixels: 0 }, ok)).toEqual([]);
    expect(maskProblems("mask_image", { width: 512, height: 512, nonBinaryPixels: 0 }, ok)[0]?.message).toBe(
      "mask_image must be exactly 1024×768, the size of image (got 512×512)",
    );
    expect(maskProblems("mask_image", { width: 1024, height: 768, nonBinaryPixels: 3 }, ok)[0]?.message).toBe(
      "mask_image must be pure black and white (3 pixels are neither)",
    );
  });
});

describe("fixes", () => {
  it("downscales into every limit keeping the aspect ratio", () => {
    const s = downscaleToFit(6000, 4000);
    expect(s.width * s.height).toBeLessThanOrEqual(4_194_304);
    expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(4096);
    expect(s.width / s.height).toBeCloseTo(1.5, 2);
    expect(downscaleToFit(1000, 800)).toEqual({ width: 1000, height: 800 });
  });

  it("pads or crops to a valid aspect ratio and minimum side", () => {
    expect(resizeCanvasFor(2000, 400, "pad")).toEqual({ width: 2000, height: 500 });
    expect(resizeCanvasFor(2000, 400, "crop")).toEqual({ width: 1600, height: 400 });
    expect(resizeCanvasFor(300, 300, "pad")).toEqual({ width: 320, height: 320 });
  });
});
