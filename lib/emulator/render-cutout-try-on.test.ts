import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMask } from "@/lib/images";
import type { EngineHandle } from "@/lib/emulator/server";
import { startTestEngine } from "@/lib/emulator/test-helpers";
import { b64, distance, maskPng, paintPng, pixels, renderOne, renderSync, rejection, rgbAt, without, type Pixels, type Rgb } from "@/lib/emulator/test-images";

/** BACKGROUND_REMOVAL and VIRTUAL_TRY_ON, measured on small synthetic photos. */
let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine({ latencyMs: { min: 10, max: 20 } });
});
afterAll(() => engine.close());

describe("BACKGROUND_REMOVAL", () => {
  let photo: Buffer;
  const inSubject = (x: number, y: number) => (x - 240) ** 2 + (y - 180) ** 2 < 100 ** 2;
  beforeAll(async () => {
    // A dark red disc on a light backdrop with a gentle gradient (a studio shot).
    photo = await paintPng(480, 360, (x, y) => (inSubject(x, y) ? [150, 30, 40] : [235 - Math.round(y / 18), 235, 240 - Math.round(x / 24)]));
  });

  it("returns one RGBA PNG: alpha 0 on the border-connected background, 255 on the subject", async () => {
    const outs = await renderSync(engine, { task_type: "BACKGROUND_REMOVAL", image: b64(photo) });
    expect(outs).toHaveLength(1);
    const out = await pixels(outs[0].png);
    expect([out.width, out.height, out.channels]).toEqual([480, 360, 4]);
    const alpha = (x: number, y: number) => out.data[(y * out.width + x) * 4 + 3];
    for (let x = 0; x < 480; x++) expect(alpha(x, 0) + alpha(x, 359)).toBe(0);
    for (let y = 0; y < 360; y++) expect(alpha(0, y) + alpha(479, y)).toBe(0);
    let subject = 0, opaque = 0, leaked = 0;
    for (let y = 0; y < 360; y++) {
      for (let x = 0; x < 480; x++) {
        if ((x - 240) ** 2 + (y - 180) ** 2 < 97 ** 2) {
          subject++;
          if (alpha(x, y) === 255 && distance(rgbAt(out, x, y), [150, 30, 40]) === 0) opaque++;
        } else if ((x - 240) ** 2 + (y - 180) ** 2 > 103 ** 2 && alpha(x, y) !== 0) leaked++;
      }
    }
    expect(opaque).toBe(subject);
    expect(leaked).toBe(0);
  });

  it("depends on the image alone and refuses generation settings", async () => {
    const a = await renderOne(engine, { task_type: "BACKGROUND_REMOVAL", image: b64(photo) });
    expect(a.equals(await renderOne(engine, { task_type: "BACKGROUND_REMOVAL", image: b64(photo) }))).toBe(true);
    for (const extra of [{ seed: 1 }, { number_of_images: 2 }, { prompt: "x" }]) {
      const error = await rejection(engine, { task_type: "BACKGROUND_REMOVAL", image: b64(photo), ...extra });
      expect(error.param).toBe(Object.keys(extra)[0]);
    }
  });
});

describe("VIRTUAL_TRY_ON", () => {
  const W = 360, H = 640;
  const RED: Rgb = [200, 30, 40];
  const GOLD: Rgb = [240, 200, 40];
  let person: Buffer;
  let garment: Buffer;
  let source: Pixels;
  beforeAll(async () => {
    // A standing figure: head, a blue body, grey backdrop.
    person = await paintPng(W, H, (x, y) => {
      if (((x - 180) / 40) ** 2 + ((y - 80) / 50) ** 2 < 1) return [230, 190, 160];
      if (y > 130 && y < 600 && x > 110 && x < 250) return [60, 90, 160];
      return [200, 200, 205];
    });
    // A red and gold checked garment.
    garment = await paintPng(400, 400, (x, y) => (((x >> 4) + (y >> 4)) % 2 ? RED : GOLD));
    source = await pixels(person);
  });

  const base = () => ({ task_type: "VIRTUAL_TRY_ON", image: b64(person), reference_image: b64(garment), seed: 11, return_mask: true });

  /** Renders, then checks the returned mask and the pixels inside and outside it. */
  async function checkTryOn(body: Record<string, unknown>): Promise<{ mask: Pixels; inside: number }> {
    const outs = await renderSync(engine, body);
    expect(outs.map((o) => o.role)).toEqual([undefined, "mask"]);
    const [out, mask] = [await pixels(outs[0].png), await pixels(outs[1].png)];
    // The mask: pure black and white, the image's size.
    expect((await checkMask(outs[1].png, { width: W, height: H })).ok).toBe(true);
    let inside = 0, garmentLike = 0, changedOutside = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const c = rgbAt(out, x, y), s = rgbAt(source, x, y);
        if (mask.data[(y * W + x) * mask.channels] === 255) {
          inside++;
          if (Math.min(distance(c, RED), distance(c, GOLD)) < distance(c, s)) garmentLike++;
        } else if (distance(c, s) > 0) changedOutside++;
      }
    }
    expect(changedOutside).toBe(0);
    expect(inside).toBeGreaterThan(1000);
    expect(garmentLike).toBeGreaterThan(inside * 0.9);
    return { mask, inside };
  }

  it("IMAGE: paints the garment inside the given mask only", async () => {
    const inRect = (x: number, y: number) => x >= 100 && x < 260 && y >= 150 && y < 400;
    const { mask } = await checkTryOn({ ...base(), mask_type: "IMAGE", mask_image: b64(await maskPng(W, H, inRect)) });
    // The mask it used is the one it was given.
    for (const [x, y] of [[100, 150], [259, 399], [99, 150], [100, 400]]) {
      expect(mask.data[(y * W + x) * mask.channels]).toBe(inRect(x, y) ? 255 : 0);
    }
  });

  it("GARMENT: UPPER_BODY uses the band from 20 % to 55 % of the height, half the width, centred", async () => {
    const { mask } = await checkTryOn({ ...base(), mask_type: "GARMENT", garment_class: "UPPER_BODY" });
    const white = (x: number, y: number) => mask.data[(y * W + x) * mask.channels] === 255;
    expect(white(180, Math.round(H * 0.37))).toBe(true);
    expect(white(180, Math.round(H * 0.2) - 2)).toBe(false);
    expect(white(180, Math.round(H * 0.55) + 2)).toBe(false);
    expect(white(Math.round(W * 0.25) - 2, Math.round(H * 0.37))).toBe(false);
    expect(white(Math.round(W * 0.25) + 2, Math.round(H * 0.37))).toBe(true);
  });

  it.each([
    ["LOWER_BODY", 0.45, 0.9],
    ["FULL_BODY", 0.2, 0.9],
    ["FOOTWEAR", 0.85, 1],
  ])("GARMENT: %s spans %s–%s of the height", async (garment_class, top, bottom) => {
    const { mask } = await checkTryOn({ ...base(), mask_type: "GARMENT", garment_class });
    const rows = [...Array(H).keys()].filter((y) => mask.data[(y * W + 180) * mask.channels] === 255);
    expect(rows[0]).toBeCloseTo(H * top, -1);
    expect(rows.at(-1)! + 1).toBeCloseTo(H * bottom, -1);
  });

  it("PROMPT: picks the region from the words, as for inpainting", async () => {
    const { mask } = await checkTryOn({ ...base(), mask_type: "PROMPT", mask_prompt: "the pants" });
    const white = (y: number) => mask.data[(y * W + 180) * mask.channels] === 255;
    expect(white(Math.round(H * 0.7))).toBe(true);
    expect(white(Math.round(H * 0.3))).toBe(false);
  });

  it("return_mask adds exactly one mask after number_of_images images; without it there is none", async () => {
    const body = { ...base(), mask_type: "GARMENT", garment_class: "SHORT_DRESS", number_of_images: 2 };
    const outs = await renderSync(engine, body);
    expect(outs.map((o) => o.role)).toEqual([undefined, undefined, "mask"]);
    expect(outs[0].png.equals(outs[1].png)).toBe(false);
    expect((await renderSync(engine, without(body, "return_mask"))).map((o) => o.role)).toEqual([undefined, undefined]);
  });

  it("is deterministic per seed, even for a plain garment", async () => {
    const body = { ...base(), mask_type: "GARMENT", garment_class: "UPPER_BODY", return_mask: false };
    const a = await renderOne(engine, body);
    expect(a.equals(await renderOne(engine, body))).toBe(true);
    expect(a.equals(await renderOne(engine, { ...body, seed: 12 }))).toBe(false);
  });

  it("preserve_face ON keeps the face even when the mask covers it", async () => {
    const all = await maskPng(W, H, () => true);
    const { mask } = await checkTryOn({ ...base(), mask_type: "IMAGE", mask_image: b64(all), preserve_face: "ON" });
    expect(mask.data[(80 * W + 180) * mask.channels]).toBe(0);
    expect(mask.data[(400 * W + 180) * mask.channels]).toBe(255);
  });

  it("merge styles and styling options change the result deterministically", async () => {
    const body = { ...base(), mask_type: "GARMENT", garment_class: "LONG_SLEEVE_SHIRT", return_mask: false };
    const variants = await Promise.all(
      [{}, { merge_style: "SEAMLESS" }, { merge_style: "DETAILED" }, { outer_layer_style: "OPEN" }, { tucking_style: "TUCKED" }, { preserve_body_pose: "ON" }].map((extra) =>
        renderOne(engine, { ...body, ...extra }),
      ),
    );
    expect(new Set(variants.map((v) => v.toString("base64"))).size).toBe(variants.length);
  });
});
