import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readImageHeader } from "./image-header";

const make = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 10, g: 200, b: 30, alpha: 1 } } });

describe("readImageHeader", () => {
  it("reads PNG size and bit depth (palette PNGs count as 8 bits)", async () => {
    expect(readImageHeader(await make(640, 480).png().toBuffer())).toEqual({ format: "png", width: 640, height: 480, bitsPerChannel: 8, orientation: 1 });
    const deep = await make(33, 21).toColourspace("rgb16").png().toBuffer();
    expect(readImageHeader(deep)).toMatchObject({ width: 33, height: 21, bitsPerChannel: 16 });
    const palette = await make(50, 40).png({ palette: true, colours: 4 }).toBuffer();
    expect(readImageHeader(palette)).toMatchObject({ width: 50, height: 40, bitsPerChannel: 8 });
  });

  it("reads JPEG size, precision and the EXIF orientation as stored (before rotation)", async () => {
    const upright = await make(600, 400).jpeg().toBuffer();
    expect(readImageHeader(upright)).toEqual({ format: "jpeg", width: 600, height: 400, bitsPerChannel: 8, orientation: 1 });
    for (const orientation of [3, 6, 8]) {
      const rotated = await make(600, 400).jpeg().withMetadata({ orientation }).toBuffer();
      expect(readImageHeader(rotated)).toMatchObject({ width: 600, height: 400, orientation });
    }
  });

  it("reads the orientation of a PNG's eXIf chunk", async () => {
    const png = await make(300, 200).png().withMetadata({ orientation: 6 }).toBuffer();
    expect(Buffer.from(png).includes("eXIf")).toBe(true);
    expect(readImageHeader(png)).toMatchObject({ width: 300, height: 200, orientation: 6 });
  });

  it("reads WebP (lossy, lossless, extended) and GIF sizes", async () => {
    expect(readImageHeader(await make(321, 123).webp().toBuffer())).toMatchObject({ format: "webp", width: 321, height: 123 });
    expect(readImageHeader(await make(321, 123).webp({ lossless: true }).toBuffer())).toMatchObject({ width: 321, height: 123 });
    expect(readImageHeader(await make(321, 123, 4).webp({ alphaQuality: 50 }).toBuffer())).toMatchObject({ width: 321, height: 123 });
    expect(readImageHeader(await make(77, 55).gif().toBuffer())).toMatchObject({ format: "gif", width: 77, height: 55 });
  });

  it("survives truncated files", async () => {
    const jpeg = await make(600, 400).jpeg().toBuffer();
    expect(readImageHeader(jpeg.subarray(0, 10))).toMatchObject({ format: "jpeg", orientation: 1 });
    expect(readImageHeader(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({ format: "png", orientation: 1 });
  });
});
