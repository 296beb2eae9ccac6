import sharp from "sharp";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkInputImage, checkMask, type InputCheck } from "@/lib/images";
import { measureImage, measureMask } from "@/lib/images/measure";
import { noisyImage, truncatedImage } from "@/lib/testing/hostile-images";

// The decoders, wrapped so the tests can see whether an image was decoded at all.
vi.mock("@/lib/images/measure", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/images/measure")>();
  return { ...actual, measureImage: vi.fn(actual.measureImage), measureMask: vi.fn(actual.measureMask) };
});

beforeEach(() => {
  vi.mocked(measureImage).mockClear();
  vi.mocked(measureMask).mockClear();
});

const CORRUPT = "is truncated or corrupt: its pixel data does not decode to the end (send the complete PNG or JPEG file)";

const solid = (width: number, height: number, alpha = 1) =>
  sharp({ create: { width, height, channels: alpha === 1 ? 3 : 4, background: { r: 90, g: 140, b: 200, alpha } } }).png().toBuffer();

const codes = (c: InputCheck) => c.problems.map((p) => p.code);

/** A w×h RGBA PNG, opaque except one pixel with the given alpha. */
async function withOnePixelAlpha(width: number, height: number, alpha: number): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 4, 255);
  data[(5 * width + 5) * 4 + 3] = alpha;
  return sharp(data, { raw: { width, height, channels: 4 } }).png().toBuffer();
}

/** A greyscale mask: left half black, right half white, plus `grey` pixels of value 128. */
async function mask(width: number, height: number, grey = 0): Promise<Buffer> {
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = width / 2; x < width; x++) data[y * width + x] = 255;
  for (let i = 0; i < grey; i++) data[i] = 128;
  return sharp(data, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

describe("checkInputImage", () => {
  it("accepts a plain PNG and JPEG and reports what it read", async () => {
    const png = await checkInputImage(await solid(640, 480), "image");
    expect(png).toEqual({
      ok: true,
      problems: [],
      info: { format: "png", width: 640, height: 480, pixels: 307_200, channels: 3, hasAlpha: false, bitsPerChannel: 8, orientation: 1 },
    });
    const jpeg = await checkInputImage(await sharp(await solid(400, 400)).jpeg().toBuffer(), "image");
    expect(jpeg).toMatchObject({ ok: true, info: { format: "jpeg" } });
  });

  it("refuses other formats, naming the field and the format", async () => {
    const webp = await sharp(await solid(400, 400)).webp().toBuffer();
    const c = await checkInputImage(webp, "reference_image");
    expect(c.ok).toBe(false);
    expect(c.problems).toEqual([
      { field: "reference_image", code: "format", fix: "convert", message: "reference_image must be PNG or JPEG (got WEBP)" },
    ]);
  });

  it("refuses 16 bits per channel", async () => {
    const deep = await sharp(await solid(400, 400)).toColourspace("rgb16").png().toBuffer();
    const c = await checkInputImage(deep, "image");
    expect(c.problems).toEqual([{ field: "image", code: "bit_depth", fix: "convert", message: "image must have 8 bits per channel (got 16)" }]);
  });

  it("refuses garbage as unreadable", async () => {
    const c = await checkInputImage(Buffer.from("not an image"), "images[1]");
    expect(c).toEqual({
      ok: false,
      info: null,
      problems: [{ field: "images[1]", code: "unreadable", message: "images[1] is not a readable image (send a PNG or JPEG)" }],
    });
  });

  it("sides: 320 ok, 319 refused", async () => {
    expect((await checkInputImage(await solid(320, 400), "image")).ok).toBe(true);
    const c = await checkInputImage(await solid(319, 400), "image");
    expect(c.problems).toEqual([{ field: "image", code: "too_small", fix: "pad", message: "image sides must be at least 320 px (got 319×400)" }]);
  });

  it("sides: 4096 ok, 4097 refused", async () => {
    expect((await checkInputImage(await solid(4096, 1024), "image")).ok).toBe(true);
    const c = await checkInputImage(await solid(4097, 1025), "image");
    expect(c.problems).toEqual([
      { field: "image", code: "too_large", fix: "downscale", message: "image sides must be at most 4096 px (got 4097×1025)" },
    ]);
  });

  it("aspect ratio: 1:4 ok, 1:4.01 refused", async () => {
    expect((await checkInputImage(await solid(400, 1600), "image")).ok).toBe(true);
    const c = await checkInputImage(await solid(400, 1604), "image");
    expect(c.problems).toEqual([
      { field: "image", code: "aspect_ratio", fix: "pad", message: "image aspect ratio must be between 1:4 and 4:1 (got 400×1604, 4.01:1)" },
    ]);
  });

  it("pixels: 4,194,304 ok, 4,194,305 refused", async () => {
    expect((await checkInputImage(await solid(2048, 2048), "image")).ok).toBe(true);
    const c = await checkInputImage(await solid(1985, 2113), "image");
    expect(c.problems).toEqual([
      { field: "image", code: "too_many_pixels", fix: "downscale", message: "image must have at most 4,194,304 pixels (got 4,194,305)" },
    ]);
  });

  it("alpha: fully opaque RGBA ok, one pixel at 254 refused", async () => {
    expect(await checkInputImage(await withOnePixelAlpha(400, 400, 255), "image")).toMatchObject({ ok: true, info: { hasAlpha: true } });
    const c = await checkInputImage(await withOnePixelAlpha(400, 400, 254), "image");
    expect(c.problems).toEqual([
      {
        field: "image",
        code: "transparency",
        fix: "flatten",
        message: "image has 1 transparent or translucent pixels; flatten it onto a colour first",
      },
    ]);
  });

  it("reports every problem at once", async () => {
    const c = await checkInputImage(await sharp(await solid(319, 400, 0.5)).webp().toBuffer(), "image");
    expect(codes(c)).toEqual(["format", "too_small", "transparency"]);
  });

  it("measures after EXIF orientation", async () => {
    const rotated = await sharp(await solid(640, 400)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect((await checkInputImage(rotated, "image")).info).toMatchObject({ width: 400, height: 640, orientation: 6 });
  });
});

describe("checkInputImage: header first, then a complete decode", () => {
  it("refuses an image over the size limits from its header alone (no decode), measured after orientation", async () => {
    // Stored 400×4200, displayed 4200×400.
    const tall = await sharp({ create: { width: 400, height: 4200, channels: 3, background: "#445566" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const c = await checkInputImage(tall, "image");
    expect(c.info).toMatchObject({ width: 4200, height: 400, orientation: 6 });
    expect(codes(c)).toEqual(["too_large", "aspect_ratio"]);
    expect(c.problems[0].message).toBe("image sides must be at most 4096 px (got 4200×400)");
    expect(measureImage).not.toHaveBeenCalled();
  });

  it("refuses more than 4,194,304 px from the header, and decodes an image within every limit", async () => {
    const over = await solid(2049, 2048);
    expect(codes(await checkInputImage(over, "image"))).toEqual(["too_many_pixels"]);
    expect(measureImage).not.toHaveBeenCalled();
    expect((await checkInputImage(await solid(2048, 2048), "image")).ok).toBe(true);
    expect(measureImage).toHaveBeenCalledTimes(1);
  });

  it("never decodes SVG", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400"/></svg>');
    expect(codes(await checkInputImage(svg, "image"))).toEqual(["format"]);
    expect(measureImage).not.toHaveBeenCalled();
  });

  it.each(["png", "jpeg"] as const)("refuses a truncated %s as corrupt, naming the field", async (format) => {
    const c = await checkInputImage(await truncatedImage(format, 640, 480, 0.6), "images[2]");
    expect(c.ok).toBe(false);
    expect(c.info).toMatchObject({ format, width: 640, height: 480 });
    expect(c.problems).toEqual([{ field: "images[2]", code: "corrupt", message: `images[2] ${CORRUPT}` }]);
    expect((await checkInputImage(await noisyImage(format, 640, 480), "images[2]")).ok).toBe(true);
  });

  it("reports a truncated file's size problems with the corruption", async () => {
    const c = await checkInputImage(await truncatedImage("png", 300, 400, 0.5), "image");
    expect(codes(c)).toEqual(["too_small", "corrupt"]);
  });
});

describe("checkMask", () => {
  it("accepts a pure black-and-white PNG of the image's size (alpha ignored)", async () => {
    expect((await checkMask(await mask(1024, 768), { width: 1024, height: 768 })).ok).toBe(true);
    const rgba = await sharp(await mask(400, 400)).ensureAlpha(0.5).png().toBuffer();
    expect((await checkMask(rgba, { width: 400, height: 400 })).ok).toBe(true);
  });

  it("names both sizes when the mask is the wrong size", async () => {
    const c = await checkMask(await mask(512, 512), { width: 1024, height: 768 });
    expect(c.problems).toEqual([
      { field: "mask_image", code: "mask_size", message: "mask_image must be exactly 1024×768, the size of image (got 512×512)" },
    ]);
  });

  it("counts pixels that are neither black nor white", async () => {
    const one = await checkMask(await mask(400, 400, 1), { width: 400, height: 400 });
    expect(one.problems).toEqual([
      { field: "mask_image", code: "mask_not_binary", message: "mask_image must be pure black and white (1 pixels are neither)" },
    ]);
    const many = await checkMask(await mask(400, 400, 1234), { width: 400, height: 400 });
    expect(many.problems[0].message).toContain("(1,234 pixels are neither)");
  });

  it("refuses coloured pixels even when each channel is 0 or 255", async () => {
    const data = Buffer.alloc(400 * 400 * 3);
    data[0] = 255; // one pure red pixel
    const red = await sharp(data, { raw: { width: 400, height: 400, channels: 3 } }).png().toBuffer();
    expect(codes(await checkMask(red, { width: 400, height: 400 }))).toEqual(["mask_not_binary"]);
  });

  it("refuses a truncated mask as corrupt", async () => {
    const cut = (await mask(640, 480)).subarray(0, 200);
    const c = await checkMask(cut, { width: 640, height: 480 });
    expect(c.problems).toEqual([{ field: "mask_image", code: "corrupt", message: `mask_image ${CORRUPT}` }]);
  });

  it("refuses a mask over the size limits from its header (no decode), with or without an image to compare", async () => {
    const huge = await sharp({ create: { width: 4200, height: 1200, channels: 3, background: "#ffffff" } }).png().toBuffer();
    const alone = await checkMask(huge, null);
    expect(alone.problems).toEqual([
      { field: "mask_image", code: "too_large", fix: "downscale", message: "mask_image sides must be at most 4096 px (got 4200×1200)" },
    ]);
    expect(codes(await checkMask(huge, { width: 1024, height: 1024 }))).toEqual(["mask_size", "too_large"]);
    expect(measureMask).not.toHaveBeenCalled();
  });

  it("with no image to compare, checks only the pixels", async () => {
    expect((await checkMask(await mask(640, 480), null)).ok).toBe(true);
    expect(codes(await checkMask(await mask(640, 480, 3), null))).toEqual(["mask_not_binary"]);
  });

  it("uses the given field names and reports unreadable masks", async () => {
    const c = await checkMask(await mask(320, 320), { width: 400, height: 400 }, { field: "mask", imageField: "photo" });
    expect(c.problems[0]).toMatchObject({ field: "mask", message: "mask must be exactly 400×400, the size of photo (got 320×320)" });
    expect(codes(await checkMask(Buffer.from("nope"), { width: 400, height: 400 }))).toEqual(["unreadable"]);
  });
});
