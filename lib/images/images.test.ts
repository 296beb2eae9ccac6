import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeImageInput, inspectImage, invertMask, makeThumbnail, sha256Hex, THUMB_MAX_SIDE } from "@/lib/images";

const png = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: { r: 200, g: 40, b: 40, alpha: 1 } } }).png().toBuffer();

describe("decodeImageInput", () => {
  it("accepts data: URLs and bare base64", async () => {
    const bytes = await png(4, 4);
    const b64 = bytes.toString("base64");
    expect(decodeImageInput(`data:image/png;base64,${b64}`, "image")).toEqual(bytes);
    expect(decodeImageInput(b64, "image")).toEqual(bytes);
    expect(decodeImageInput(`${b64.slice(0, 10)}\n${b64.slice(10)}`, "image")).toEqual(bytes);
    expect(decodeImageInput(bytes.toString("base64url"), "image")).toEqual(bytes);
  });

  it("rejects links and non-base64, naming the field", () => {
    for (const value of ["https://example.com/a.png", "data:image/png,rawtext", "not base64!", "", "   ", "data:image/png;base64,"]) {
      let err: unknown;
      try {
        decodeImageInput(value, "mask_image");
      } catch (e) {
        err = e;
      }
      expect(err, value).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(/^mask_image /);
      expect((err as AppError).fields).toEqual([{ field: "mask_image", message: (err as AppError).message }]);
    }
  });
});

describe("inspectImage", () => {
  it("reports format, size and channels", async () => {
    const info = await inspectImage(await png(40, 30, 4), { maxPixels: 10_000 });
    expect(info).toEqual({
      format: "png",
      contentType: "image/png",
      width: 40,
      height: 30,
      channels: 4,
      hasAlpha: true,
      bitsPerChannel: 8,
      orientation: 1,
    });
    const jpeg = await sharp(await png(16, 8)).jpeg().toBuffer();
    expect(await inspectImage(jpeg, { maxPixels: 1000 })).toMatchObject({ format: "jpeg", contentType: "image/jpeg", hasAlpha: false });
  });

  it("rejects SVG, garbage and images over the pixel limit", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    await expect(inspectImage(svg, { maxPixels: 1e6 })).rejects.toMatchObject({ code: "invalid_request", message: expect.stringMatching(/SVG/) });
    await expect(inspectImage(Buffer.from("hello"), { maxPixels: 1e6, field: "image" })).rejects.toMatchObject({
      code: "invalid_request",
      fields: [{ field: "image" }],
    });
    await expect(inspectImage(await png(101, 100), { maxPixels: 10_000 })).rejects.toMatchObject({
      code: "invalid_request",
      message: expect.stringMatching(/more than 10000 pixels/),
    });
    expect((await inspectImage(await png(100, 100), { maxPixels: 10_000 })).width).toBe(100);
  });
});

describe("makeThumbnail", () => {
  it("makes a WebP no larger than 384 px on its longest side", async () => {
    const thumb = await makeThumbnail(await png(1600, 900), 1600 * 900);
    const meta = await sharp(thumb).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width, meta.height)).toBe(THUMB_MAX_SIDE);
    expect(meta.height).toBe(216);
  });

  it("never enlarges a small image", async () => {
    const meta = await sharp(await makeThumbnail(await png(100, 50), 100 * 50)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 100, 50]);
  });
});

describe("invertMask", () => {
  // Left half black (keep), right half white (edit).
  const halves = (channels: 1 | 3 | 4) => {
    const raw = Buffer.alloc(8 * 4 * channels);
    for (let y = 0; y < 4; y++)
      for (let x = 0; x < 8; x++)
        for (let c = 0; c < channels; c++) raw[(y * 8 + x) * channels + c] = c === 3 || x >= 4 ? 255 : 0;
    const img = sharp(raw, { raw: { width: 8, height: 4, channels } });
    return (channels === 1 ? img.toColourspace("b-w") : img).png().toBuffer();
  };

  it.each([1, 3, 4] as const)("flips black and white, keeping size and %i channel(s)", async (channels) => {
    const inverted = await invertMask(await halves(channels));
    const meta = await sharp(inverted).metadata();
    expect([meta.format, meta.width, meta.height, meta.channels]).toEqual(["png", 8, 4, channels]);
    // Reading raw converts to sRGB unless told to stay greyscale.
    const reader = channels === 1 ? sharp(inverted).toColourspace("b-w") : sharp(inverted);
    const { data, info } = await reader.raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(channels);
    for (let y = 0; y < 4; y++)
      for (let x = 0; x < 8; x++)
        for (let c = 0; c < channels; c++) {
          const want = c === 3 ? 255 : x < 4 ? 255 : 0; // alpha untouched
          expect(data[(y * 8 + x) * channels + c]).toBe(want);
        }
  });
});

describe("sha256Hex", () => {
  it("hashes bytes", () => {
    expect(sha256Hex(Buffer.from("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
