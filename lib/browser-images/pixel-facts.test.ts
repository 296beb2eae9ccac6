import { describe, expect, it } from "vitest";
import { bytesToDataUrl, dataUrlByteLength, dataUrlToBytes } from "./data-url";
import { countPixelFacts, thresholdRgba } from "./pixel-facts";

const px = (...p: number[][]) => Uint8ClampedArray.from(p.flat());

describe("countPixelFacts", () => {
  it("counts translucent pixels and pixels that are not pure opaque black or white", () => {
    const data = px([0, 0, 0, 255], [255, 255, 255, 255], [255, 255, 254, 255], [128, 128, 128, 255], [255, 255, 255, 254], [0, 0, 0, 0]);
    expect(countPixelFacts(data)).toEqual({ translucentPixels: 2, nonBinaryPixels: 4 });
  });

  it("adds strip by strip", () => {
    const a = countPixelFacts(px([1, 1, 1, 255]));
    expect(countPixelFacts(px([0, 0, 0, 10]), a)).toEqual({ translucentPixels: 1, nonBinaryPixels: 2 });
  });
});

describe("thresholdRgba", () => {
  it("makes every pixel opaque black or white at half luminance, alpha over black", () => {
    const data = px([200, 200, 200, 255], [100, 100, 100, 255], [255, 255, 255, 100], [255, 0, 0, 255], [0, 255, 0, 255]);
    thresholdRgba(data);
    expect([...data]).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
    expect(countPixelFacts(data).nonBinaryPixels).toBe(0);
  });
});

describe("data URLs", () => {
  it("round-trip bytes of any size and report their length without decoding", () => {
    for (const n of [0, 1, 2, 3, 100_000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 7) % 256);
      const url = bytesToDataUrl(bytes, "image/png");
      expect(url.startsWith("data:image/png;base64,")).toBe(true);
      expect(dataUrlToBytes(url)).toEqual(bytes);
      expect(dataUrlByteLength(url)).toBe(n);
    }
    expect(dataUrlToBytes("https://example.com/a.png")).toBeNull();
    expect(dataUrlToBytes("data:image/png;base64,@@@")).toBeNull();
  });
});

describe("tintMaskRgba", () => {
  it("turns white into semi-transparent red and black into nothing", async () => {
    const { tintMaskRgba, TINT_OPACITY } = await import("./mask-tint");
    const data = px([255, 255, 255, 255], [0, 0, 0, 255], [128, 128, 128, 255], [255, 255, 255, 0]);
    tintMaskRgba(data);
    expect([...data.subarray(0, 4)]).toEqual([239, 68, 68, Math.round(TINT_OPACITY * 255)]);
    expect(data[7]).toBe(0);
    expect(data[11]).toBe(Math.round((128 / 255) * TINT_OPACITY * 255));
    expect(data[15]).toBe(0);
  });
});
