import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { formatLabel, sniffFormat } from "./sniff-format";

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...enc(p)] : p)));

const raw = { create: { width: 4, height: 3, channels: 3 as const, background: "#336699" } };

describe("sniffFormat", () => {
  it("recognises the raster formats by their magic numbers, not by name", async () => {
    expect(sniffFormat(await sharp(raw).png().toBuffer())).toBe("png");
    expect(sniffFormat(await sharp(raw).jpeg().toBuffer())).toBe("jpeg");
    expect(sniffFormat(await sharp(raw).webp().toBuffer())).toBe("webp");
    expect(sniffFormat(await sharp(raw).gif().toBuffer())).toBe("gif");
    expect(sniffFormat(await sharp(raw).tiff().toBuffer())).toBe("tiff");
    expect(sniffFormat(bytes("BM", new Array(30).fill(0)))).toBe("bmp");
  });

  it("tells AVIF from HEIC by the ftyp brands", () => {
    expect(sniffFormat(bytes([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0], "mif1miaf"))).toBe("avif");
    expect(sniffFormat(bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1"))).toBe("heic");
    expect(sniffFormat(bytes([0, 0, 0, 0x18], "ftypmif1", [0, 0, 0, 0], "avif"))).toBe("avif");
    expect(sniffFormat(bytes([0, 0, 0, 0x14], "ftypisom", [0, 0, 0, 0]))).toBe("unknown");
  });

  it("finds SVG behind a BOM, whitespace, an XML declaration or a comment", () => {
    expect(sniffFormat(enc('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe("svg");
    expect(sniffFormat(bytes([0xef, 0xbb, 0xbf], '\n  <?xml version="1.0"?>\n<!-- x -->\n<svg>'))).toBe("svg");
    expect(sniffFormat(enc("<!DOCTYPE svg PUBLIC><SVG>"))).toBe("svg");
    expect(sniffFormat(enc("<html><body>not an image</body></html>"))).toBe("unknown");
  });

  it("calls anything else, including short or empty input, unknown", () => {
    expect(sniffFormat(new Uint8Array())).toBe("unknown");
    expect(sniffFormat(bytes([0x89, 0x50, 0x4e]))).toBe("unknown");
    expect(sniffFormat(bytes([0xff, 0xd8]))).toBe("unknown");
    expect(sniffFormat(enc("RIFF\0\0\0\0WAVEfmt "))).toBe("unknown");
    expect(sniffFormat(enc("hello"))).toBe("unknown");
  });

  it("labels formats for messages", () => {
    expect(formatLabel("webp")).toBe("WebP");
    expect(formatLabel("jpeg")).toBe("JPEG");
  });
});
