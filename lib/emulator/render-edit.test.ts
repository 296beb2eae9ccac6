import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMask, keptDistance } from "@/lib/emulator/mask";
import { maskPromptRegion } from "@/lib/emulator/mask-prompt-region";
import { seamBand } from "@/lib/emulator/render-outpainting";
import type { EngineHandle } from "@/lib/emulator/server";
import { startTestEngine } from "@/lib/emulator/test-helpers";
import { b64, distance, maskPng, meanWhere, pixels, renderOne, rgbAt, scenePng, without, type Pixels } from "@/lib/emulator/test-images";

/** INPAINTING and OUTPAINTING: what changes, what stays byte-identical, and the seam. */
let engine: EngineHandle;
const W = 480, H = 360;
let scene: Buffer;
let source: Pixels;
// Edit the middle third (exactly the scene's blue square) plus a margin of 10 px.
const inBox = (x: number, y: number) => x >= 150 && x < 330 && y >= 110 && y < 250;
let boxMask: Buffer;

beforeAll(async () => {
  engine = await startTestEngine({ latencyMs: { min: 10, max: 20 } });
  scene = await scenePng(W, H);
  source = await pixels(scene);
  boxMask = await maskPng(W, H, inBox);
});
afterAll(() => engine.close());

/** Per pixel: does the output differ from the source there? */
function changed(out: Pixels, src: Pixels): (x: number, y: number) => boolean {
  return (x, y) => distance(rgbAt(out, x, y), rgbAt(src, x, y)) > 0;
}

function countWhere(w: number, h: number, f: (x: number, y: number) => boolean): number {
  let n = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (f(x, y)) n++;
  return n;
}

describe("INPAINTING", () => {
  const body = () => ({ task_type: "INPAINTING", image: b64(scene), mask_image: b64(boxMask), prompt: "a red balloon", seed: 3 });

  it("changes the white-mask pixels and leaves every other pixel byte-identical", async () => {
    const out = await pixels(await renderOne(engine, body()));
    expect([out.width, out.height, out.channels]).toEqual([W, H, 3]);
    const diff = changed(out, source);
    expect(countWhere(W, H, (x, y) => !inBox(x, y) && diff(x, y))).toBe(0);
    const inside = countWhere(W, H, inBox);
    expect(countWhere(W, H, (x, y) => inBox(x, y) && diff(x, y))).toBeGreaterThan(inside * 0.9);
  });

  it("is byte-identical for the same seed and differs for another", async () => {
    const a = await renderOne(engine, body());
    expect(a.equals(await renderOne(engine, body()))).toBe(true);
    expect(a.equals(await renderOne(engine, { ...body(), seed: 4 }))).toBe(false);
  });

  it("without a prompt removes the object: the region takes the colours around it", async () => {
    const removal = without(body(), "prompt");
    const out = await pixels(await renderOne(engine, removal));
    expect(countWhere(W, H, (x, y) => !inBox(x, y) && changed(out, source)(x, y))).toBe(0);
    const filled = meanWhere(out, inBox);
    const around = meanWhere(source, (x, y) => !inBox(x, y) && x >= 130 && x < 350 && y >= 90 && y < 270);
    const square = meanWhere(source, (x, y) => x >= 170 && x < 310 && y >= 130 && y < 230);
    expect(distance(filled, around)).toBeLessThan(25);
    expect(distance(filled, square)).toBeGreaterThan(120);
    // Object removal still depends on the seed (a faint grain).
    expect((await renderOne(engine, { ...removal, seed: 9 })).equals(await renderOne(engine, removal))).toBe(false);
  });

  it("with a mask prompt edits exactly the region the words pick, every time", async () => {
    const req = { task_type: "INPAINTING", image: b64(scene), mask_prompt: "the car on the left", prompt: "a bicycle", seed: 1 };
    const png = await renderOne(engine, req);
    expect(png.equals(await renderOne(engine, req))).toBe(true);
    const region = maskPromptRegion("the car on the left", W, H);
    const out = await pixels(png);
    const diff = changed(out, source);
    expect(countWhere(W, H, (x, y) => !region.data[y * W + x] && diff(x, y))).toBe(0);
    // The picked ellipse sits in the left half.
    expect(countWhere(W, H, (x, y) => x >= W / 2 && region.data[y * W + x] === 1)).toBe(0);
    expect(countWhere(W, H, (x, y) => region.data[y * W + x] === 1 && diff(x, y))).toBeGreaterThan(1000);
  });

  it("inpaint_mask_prompt works like mask_prompt", async () => {
    const a = await renderOne(engine, { task_type: "INPAINTING", image: b64(scene), mask_prompt: "the sky", prompt: "clouds", seed: 2 });
    const b = await renderOne(engine, { task_type: "INPAINTING", image: b64(scene), inpaint_mask_prompt: "the sky", prompt: "clouds", seed: 2 });
    const [pa, pb] = [await pixels(a), await pixels(b)];
    // Same region: the bottom 60 % is untouched in both.
    for (const p of [pa, pb]) expect(countWhere(W, H, (x, y) => y >= H * 0.4 && changed(p, source)(x, y))).toBe(0);
  });
});

describe("OUTPAINTING", () => {
  // Keep the middle (black), regenerate the rest (white).
  const keep = (x: number, y: number) => x >= 140 && x < 340 && y >= 100 && y < 260;
  let outsideMask: Buffer;
  beforeAll(async () => {
    outsideMask = await maskPng(W, H, (x, y) => !keep(x, y));
  });
  const body = (mode: "DEFAULT" | "PRECISE") => ({
    task_type: "OUTPAINTING",
    image: b64(scene),
    mask_image: b64(outsideMask),
    prompt: "a sunset beach",
    outpainting_mode: mode,
    seed: 5,
  });

  it("keeps the black-mask region byte-identical and regenerates the rest, in both modes", async () => {
    for (const mode of ["DEFAULT", "PRECISE"] as const) {
      const out = await pixels(await renderOne(engine, body(mode)));
      const diff = changed(out, source);
      expect(countWhere(W, H, (x, y) => keep(x, y) && diff(x, y))).toBe(0);
      expect(countWhere(W, H, (x, y) => !keep(x, y) && diff(x, y))).toBeGreaterThan((W * H - 200 * 160) * 0.9);
    }
  });

  it("DEFAULT blends toward the boundary colours within the seam band; PRECISE has a hard edge; beyond the band they agree", async () => {
    const [def, pre] = [await pixels(await renderOne(engine, body("DEFAULT"))), await pixels(await renderOne(engine, body("PRECISE")))];
    const m = createMask(W, H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) m.data[y * W + x] = keep(x, y) ? 0 : 1;
    const { dist } = keptDistance(m);
    const band = seamBand(W, H);
    let nearDiffers = 0, near = 0, farDiffers = 0, defGap = 0, preGap = 0;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const d = dist[y * W + x];
        if (d === 0) continue;
        const differs = distance(rgbAt(def, x, y), rgbAt(pre, x, y)) > 0;
        if (d >= band) {
          if (differs) farDiffers++;
          continue;
        }
        near++;
        if (differs) nearDiffers++;
        if (d <= 1) {
          // The adjacent kept pixel, straight toward the kept box.
          const kx = Math.min(Math.max(x, 140), 339), ky = Math.min(Math.max(y, 100), 259);
          defGap += distance(rgbAt(def, x, y), rgbAt(source, kx, ky));
          preGap += distance(rgbAt(pre, x, y), rgbAt(source, kx, ky));
        }
      }
    }
    expect(farDiffers).toBe(0);
    expect(nearDiffers).toBeGreaterThan(near * 0.8);
    expect(defGap).toBeLessThan(preGap * 0.5);
  });

  it("is byte-identical for the same seed and differs for another", async () => {
    const a = await renderOne(engine, body("DEFAULT"));
    expect(a.equals(await renderOne(engine, body("DEFAULT")))).toBe(true);
    expect(a.equals(await renderOne(engine, { ...body("DEFAULT"), seed: 6 }))).toBe(false);
  });

  it("with mask_prompt keeps the named thing and regenerates its surroundings", async () => {
    const out = await pixels(await renderOne(engine, { task_type: "OUTPAINTING", image: b64(scene), mask_prompt: "the bottle", prompt: "a kitchen", seed: 1 }));
    const named = maskPromptRegion("the bottle", W, H);
    const diff = changed(out, source);
    expect(countWhere(W, H, (x, y) => named.data[y * W + x] === 1 && diff(x, y))).toBe(0);
    expect(countWhere(W, H, (x, y) => named.data[y * W + x] === 0 && diff(x, y))).toBeGreaterThan(W * H * 0.5);
  });
});
