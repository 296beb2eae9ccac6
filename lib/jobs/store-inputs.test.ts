import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkJobInputs, listJobInputs } from "@/lib/db/input-queries";
import { insertJob } from "@/lib/db/job-queries";
import { inputs } from "@/lib/db/schema";
import { novaCanvas, validateGenerationRequest, type GenerationRequest } from "@/lib/models";
import { dialects, type TestDatabase } from "@/lib/testing/test-databases";
import { noisyImage, truncatedImage } from "@/lib/testing/hostile-images";
import { getBlobStore } from "@/lib/storage";
import { storeRequestInputs } from "./store-inputs";
import { upstreamRequestOf } from "./upstream-request";

const pglite = dialects.find((d) => d.dialect === "pglite")!;

async function png(width: number, height: number, opts: { alpha?: number; colour?: string } = {}): Promise<string> {
  const channels = opts.alpha === undefined ? 3 : 4;
  const background = opts.alpha === undefined ? (opts.colour ?? "#336699") : { r: 51, g: 102, b: 153, alpha: opts.alpha };
  const buf = await sharp({ create: { width, height, channels, background } }).png().toBuffer();
  return `data:image/png;base64,${buf.toString("base64")}`;
}

function valid(body: Record<string, unknown>): GenerationRequest {
  const r = validateGenerationRequest(body);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const asDataUrl = (bytes: Buffer, mime: string) => `data:${mime};base64,${bytes.toString("base64")}`;

function inpaint(image: string, mask: string): GenerationRequest {
  const r = validateGenerationRequest({ task_type: "INPAINTING", prompt: "a cat", image, mask_image: mask, seed: 1 });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe("storeRequestInputs", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await pglite.create();
  });
  afterAll(() => t.close());

  it("stores inputs once by hash, keeps no bytes in params, and sends bare base64 upstream", async () => {
    const image = await png(640, 480);
    const mask = await png(640, 480, { colour: "#ffffff" });
    const first = await storeRequestInputs(t.db, inpaint(image, mask));
    const second = await storeRequestInputs(t.db, inpaint(image, mask));
    expect(first.params.image).toEqual(second.params.image);
    expect(first.params.image).toMatchObject({ input: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(first.params)).not.toContain("base64");
    expect(first.inputSize).toEqual({ width: 640, height: 480 });
    const sent = await upstreamRequestOf(t.db, getBlobStore(), first.params, novaCanvas);
    expect(String(sent.image)).toMatch(/^iVBORw0KGgo/);
    const job = await insertJob(t.db, {
      model: novaCanvas.id,
      taskType: "INPAINTING",
      params: first.params,
      imagesRequested: 1,
      estimatedCostMicros: 120_000,
    });
    await linkJobInputs(t.db, job.id, first.links);
    const inputs = await listJobInputs(t.db, job.id);
    expect(inputs.map((i) => [i.role, i.input.width, i.input.height])).toEqual([
      ["image", 640, 480],
      ["mask_image", 640, 480],
    ]);
  });

  it("rejects rule breaks with the shared messages, naming the field and the limit", async () => {
    const bad = inpaint(await png(640, 480, { alpha: 0.5 }), await png(320, 320, { colour: "#ffffff" }));
    await expect(storeRequestInputs(t.db, bad)).rejects.toMatchObject({
      code: "validation_failed",
      fields: [
        { field: "image", message: "image has 307,200 transparent or translucent pixels; flatten it onto a colour first" },
        { field: "mask_image", message: "mask_image must be exactly 640×480, the size of image (got 320×320)" },
      ],
    });
    const small = inpaint(await png(300, 400), await png(300, 400, { colour: "#808080" }));
    await expect(storeRequestInputs(t.db, small)).rejects.toMatchObject({
      fields: [
        { field: "image", message: "image sides must be at least 320 px (got 300×400)" },
        { field: "mask_image", message: "mask_image must be pure black and white (120,000 pixels are neither)" },
      ],
    });
  });

  it("refuses truncated images before storing anything, naming the field and the item", async () => {
    const stored = (await t.db.select().from(inputs)).length;
    const cut = asDataUrl(await truncatedImage("png", 640, 480, 0.6), "image/png");
    await expect(storeRequestInputs(t.db, valid({ task_type: "BACKGROUND_REMOVAL", image: cut }))).rejects.toMatchObject({
      code: "validation_failed",
      fields: [{ field: "image", message: "image is truncated or corrupt: its pixel data does not decode to the end (send the complete PNG or JPEG file)" }],
    });
    const whole = asDataUrl(await noisyImage("jpeg", 640, 480), "image/jpeg");
    const cutJpeg = asDataUrl(await truncatedImage("jpeg", 640, 480, 0.6), "image/jpeg");
    await expect(storeRequestInputs(t.db, valid({ task_type: "IMAGE_VARIATION", prompt: "x", images: [whole, cutJpeg] }))).rejects.toMatchObject({
      fields: [{ field: "images", message: expect.stringMatching(/^images\[1\] is truncated or corrupt/) }],
    });
    expect(await t.db.select().from(inputs)).toHaveLength(stored);
  });

  it("refuses an EXIF-rotated image over the limits with the form's own message, sizes as displayed", async () => {
    const tall = await sharp({ create: { width: 400, height: 4200, channels: 3, background: "#445566" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    await expect(storeRequestInputs(t.db, valid({ task_type: "BACKGROUND_REMOVAL", image: asDataUrl(tall, "image/jpeg") }))).rejects.toMatchObject({
      fields: [
        { field: "image", message: "image sides must be at most 4096 px (got 4200×400)" },
        { field: "image", message: "image aspect ratio must be between 1:4 and 4:1 (got 4200×400, 10.50:1)" },
      ],
    });
  });

  it("stores an EXIF-rotated input upright, once", async () => {
    const rotated = await sharp({ create: { width: 640, height: 400, channels: 3, background: "#445566" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const out = await storeRequestInputs(t.db, valid({ task_type: "BACKGROUND_REMOVAL", image: asDataUrl(rotated, "image/jpeg") }));
    expect(out.inputSize).toEqual({ width: 400, height: 640 });
    const upstream = await upstreamRequestOf(t.db, getBlobStore(), out.params, novaCanvas);
    const sent = await sharp(Buffer.from(String(upstream.image), "base64")).metadata();
    expect([sent.width, sent.height, sent.orientation ?? 1]).toEqual([400, 640, 1]);
  });

  it("flipping the model's mask polarity changes the mask bytes sent upstream (upstreamRequestOf) and nothing else", async () => {
    const image = await png(400, 320);
    const sharpMask = await sharp({ create: { width: 400, height: 320, channels: 3, background: "#000000" } })
      .composite([{ input: { create: { width: 100, height: 80, channels: 3, background: "#ffffff" } }, left: 20, top: 30 }])
      .png()
      .toBuffer();
    const request = inpaint(image, asDataUrl(sharpMask, "image/png"));
    const flipped = { maskPolarity: { ...novaCanvas.maskPolarity, INPAINTING: novaCanvas.maskPolarity.INPAINTING === "white-edit" ? "black-edit" : "white-edit" } } as const;
    // What is stored does not depend on the provider's polarity: only what is sent does.
    const stored = await storeRequestInputs(t.db, request);
    const { mask_image: maskA, ...restA } = (await upstreamRequestOf(t.db, getBlobStore(), stored.params, novaCanvas)) as Record<string, unknown>;
    const { mask_image: maskB, ...restB } = (await upstreamRequestOf(t.db, getBlobStore(), stored.params, flipped)) as Record<string, unknown>;
    expect(restB).toEqual(restA);
    // The mask sent is the exact inverse, pixel for pixel.
    const pixels = async (b64: unknown) => (await sharp(Buffer.from(String(b64), "base64")).greyscale().raw().toBuffer());
    const [a, b] = [await pixels(maskA), await pixels(maskB)];
    expect(a.length).toBe(400 * 320);
    expect(b.length).toBe(a.length);
    let mismatches = 0;
    for (let i = 0; i < a.length; i++) if (a[i] + b[i] !== 255) mismatches++;
    expect(mismatches).toBe(0);
    expect(a.some((v) => v === 255) && a.some((v) => v === 0)).toBe(true);
  });
});
