import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineHandle } from "@/lib/emulator/server";
import { pngSize, startTestEngine } from "@/lib/emulator/test-helpers";
import { freePort } from "@/lib/testing/free-port";
import { b64, dataUrl, maskPng, renderOne, rejection, solidPng } from "@/lib/emulator/test-images";
import { noisyImage, truncatedImage } from "@/lib/testing/hostile-images";

/** The 400s the engine answers for input images, as the gateway would, and the ways images arrive. */
let engine: EngineHandle;
let image: Buffer;
let mask: Buffer;

// A local server for URL inputs: /ok.png, /missing.png (404), /page.html (not an image) and
// /slow.png (never answers). The engine under test may fetch from loopback (allowPrivateUrls);
// `strict`, with the default, may not.
let files: Server;
let filesUrl: string;
let strict: EngineHandle;

beforeAll(async () => {
  engine = await startTestEngine({ latencyMs: { min: 10, max: 20 }, inputFetchTimeoutMs: 300, allowPrivateUrls: true });
  strict = await startTestEngine({ latencyMs: { min: 10, max: 20 } });
  image = await solidPng(400, 400, [120, 160, 200]);
  mask = await maskPng(400, 400, (x) => x >= 200);
  files = createServer((req, res) => {
    const path = req.url?.split("?")[0];
    if (path === "/ok.png") {
      res.writeHead(200, { "Content-Type": "image/png" });
      res.end(image);
    } else if (path === "/missing.png") {
      res.writeHead(404);
      res.end();
    } else if (path === "/page.html") {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<!doctype html><title>not an image</title>");
    } // /slow.png: no answer at all
  });
  await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterAll(async () => {
  files.closeAllConnections();
  await new Promise((r) => files.close(r));
  await engine.close();
  await strict.close();
});

const inpaint = (extra: Record<string, unknown> = {}) => ({ task_type: "INPAINTING", image: b64(image), mask_image: b64(mask), prompt: "a cat", ...extra });

describe("input images", () => {
  it("refuses a 300-px image, naming image and the 320 px minimum", async () => {
    const error = await rejection(engine, inpaint({ image: b64(await solidPng(300, 400, [1, 2, 3])) }));
    expect(error).toMatchObject({ code: "invalid_parameter", param: "image" });
    expect(error.message).toBe("image sides must be at least 320 px (got 300×400)");
  });

  it("refuses an image with a translucent pixel", async () => {
    const data = Buffer.alloc(400 * 400 * 4, 200);
    for (let i = 3; i < data.length; i += 4) data[i] = 255;
    data[3] = 128;
    const translucent = await sharp(data, { raw: { width: 400, height: 400, channels: 4 } }).png().toBuffer();
    const error = await rejection(engine, { task_type: "BACKGROUND_REMOVAL", image: b64(translucent) });
    expect(error).toMatchObject({ param: "image", message: "image has 1 transparent or translucent pixels; flatten it onto a colour first" });
  });

  it("refuses an aspect ratio of 5:1", async () => {
    const error = await rejection(engine, { task_type: "BACKGROUND_REMOVAL", image: b64(await solidPng(1600, 320, [9, 9, 9])) });
    expect(error.param).toBe("image");
    expect(error.message).toBe("image aspect ratio must be between 1:4 and 4:1 (got 1600×320, 5.00:1)");
  });

  it("refuses a WebP and names the format", async () => {
    const webp = await sharp(image).webp().toBuffer();
    expect(await rejection(engine, { task_type: "IMAGE_VARIATION", image: b64(webp) })).toMatchObject({
      param: "image",
      message: "image must be PNG or JPEG (got WEBP)",
    });
  });

  it("checks every item of images and reports the bad one by index", async () => {
    const error = await rejection(engine, { task_type: "IMAGE_VARIATION", images: [b64(image), b64(await solidPng(320, 200, [0, 0, 0]))] });
    expect(error).toMatchObject({ param: "images", message: "images[1] sides must be at least 320 px (got 320×200)" });
  });

  it("checks reference_image and TEXT_IMAGE's condition image too", async () => {
    const small = b64(await solidPng(64, 64, [0, 0, 0]));
    expect((await rejection(engine, { task_type: "COLOR_GUIDED_GENERATION", prompt: "x", colors: ["#112233"], reference_image: small })).param).toBe("reference_image");
    expect((await rejection(engine, { prompt: "x", image: small })).param).toBe("image");
    const tryOn = { task_type: "VIRTUAL_TRY_ON", image: b64(image), reference_image: small, mask_type: "GARMENT", garment_class: "SHOES" };
    expect((await rejection(engine, tryOn)).param).toBe("reference_image");
  });
});

describe("masks", () => {
  it("refuses a mask of another size, naming both sizes", async () => {
    const error = await rejection(engine, inpaint({ mask_image: b64(await maskPng(512, 512, () => true)) }));
    expect(error).toMatchObject({ param: "mask_image", message: "mask_image must be exactly 400×400, the size of image (got 512×512)" });
  });

  it("refuses a mask with grey pixels", async () => {
    const data = Buffer.alloc(400 * 400);
    data.fill(255, 0, 1000);
    data.fill(128, 1000, 1010);
    const grey = await sharp(data, { raw: { width: 400, height: 400, channels: 1 } }).png().toBuffer();
    const error = await rejection(engine, inpaint({ mask_image: b64(grey) }));
    expect(error).toMatchObject({ param: "mask_image" });
    expect(error.message).toBe("mask_image must be pure black and white (10 pixels are neither)");
  });

  it("refuses mask_image together with mask_prompt", async () => {
    const error = await rejection(engine, inpaint({ mask_prompt: "the sky" }));
    expect(error).toMatchObject({ param: "mask_prompt", message: "give either mask_image or mask_prompt, not both" });
  });

  it("checks the mask of VIRTUAL_TRY_ON with mask_type IMAGE", async () => {
    const body = { task_type: "VIRTUAL_TRY_ON", image: b64(image), reference_image: b64(image), mask_type: "IMAGE", mask_image: b64(await maskPng(320, 320, () => true)) };
    expect((await rejection(engine, body)).param).toBe("mask_image");
  });
});

describe("how images arrive", () => {
  it("accepts bare base64, a data: URL and an http(s) URL alike (same bytes → same output)", async () => {
    const body = { task_type: "IMAGE_VARIATION", seed: 1 };
    const fromBase64 = await renderOne(engine, { ...body, image: b64(image) });
    expect(fromBase64.equals(await renderOne(engine, { ...body, image: dataUrl(image) }))).toBe(true);
    expect(fromBase64.equals(await renderOne(engine, { ...body, image: `${filesUrl}/ok.png` }))).toBe(true);
  });

  it("answers one 400 naming the field and the limits, whatever made a URL fail (the query is not shown)", async () => {
    const words = (url: string, field = "image") =>
      `${field} could not be fetched from ${url}: use a public http(s) URL of a PNG or JPEG image that answers within 0.3 s with at most 50 MB`;
    for (const path of ["/missing.png", "/slow.png", "/page.html"]) {
      const error = await rejection(engine, { task_type: "BACKGROUND_REMOVAL", image: `${filesUrl}${path}?sig=secret` });
      expect(error, path).toMatchObject({ code: "invalid_parameter", param: "image", message: words(`${filesUrl}${path}`) });
    }
    const closed = `http://127.0.0.1:${await freePort()}/a.png`;
    expect((await rejection(engine, { task_type: "BACKGROUND_REMOVAL", image: closed })).message).toBe(words(closed));
    const listItem = await rejection(engine, { task_type: "IMAGE_VARIATION", images: [b64(image), `${filesUrl}/missing.png`] });
    expect(listItem).toMatchObject({ param: "images", message: words(`${filesUrl}/missing.png`, "images[1]") });
  });

  it("by default fetches from public addresses only, with the same words for an image on loopback", async () => {
    const words = (url: string) =>
      `image could not be fetched from ${url}: use a public http(s) URL of a PNG or JPEG image that answers within 10 s with at most 50 MB`;
    for (const url of [`${filesUrl}/ok.png`, `${filesUrl.replace("127.0.0.1", "localhost")}/ok.png`, "http://169.254.169.254/latest/meta-data/"]) {
      const error = await rejection(strict, { task_type: "BACKGROUND_REMOVAL", image: url });
      expect(error, url).toMatchObject({ code: "invalid_parameter", param: "image", message: words(url) });
    }
  });

  it("refuses base64 that is no image", async () => {
    expect(await rejection(engine, { task_type: "BACKGROUND_REMOVAL", image: "aGVsbG8gd29ybGQ=" })).toMatchObject({
      param: "image",
      message: "image is not a readable image (send a PNG or JPEG)",
    });
  });

  it.each(["png", "jpeg"] as const)("refuses a truncated %s at submit (400 naming the field), so no job can fail on it later", async (format) => {
    const cut = await truncatedImage(format, 640, 480, 0.6);
    expect(await rejection(engine, { task_type: "BACKGROUND_REMOVAL", image: b64(cut) })).toMatchObject({
      code: "invalid_parameter",
      param: "image",
      message: "image is truncated or corrupt: its pixel data does not decode to the end (send the complete PNG or JPEG file)",
    });
    // The same image whole is accepted and renders.
    const whole = await renderOne(engine, { task_type: "BACKGROUND_REMOVAL", image: b64(await noisyImage(format, 640, 480)) });
    expect(await pngSize(whole)).toMatchObject({ width: 640, height: 480 });
  });

  it("refuses an image over the size limits from its header, after EXIF orientation", async () => {
    const tall = await sharp({ create: { width: 400, height: 4200, channels: 3, background: "#445566" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await rejection(engine, { task_type: "BACKGROUND_REMOVAL", image: b64(tall) })).toMatchObject({
      param: "image",
      message: "image sides must be at most 4096 px (got 4200×400); image aspect ratio must be between 1:4 and 4:1 (got 4200×400, 10.50:1)",
    });
  });

  it("gives size-keeping tasks the source's size, after EXIF orientation", async () => {
    const rotated = await sharp(await solidPng(640, 400, [90, 90, 90])).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const out = await renderOne(engine, { task_type: "BACKGROUND_REMOVAL", image: b64(rotated) });
    expect(await pngSize(out)).toMatchObject({ width: 400, height: 640 });
  });
});
