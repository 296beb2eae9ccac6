import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderTextImage, synthesizeTextImage, type TextImageInput } from "@/lib/emulator/render-text-image";
import type { Raster } from "@/lib/emulator/raster";
import { layoutShapes } from "@/lib/emulator/scene-shapes";
import { readPrompt } from "@/lib/emulator/prompt-words";
import { STYLES } from "@/lib/models";

const base: TextImageInput = { prompt: "a fox in a meadow", width: 256, height: 256, variantSeed: 7 };
const digest = (r: Raster) => createHash("sha256").update(r.data).digest("hex");

function mean(r: Raster): [number, number, number] {
  const sum = [0, 0, 0];
  for (let i = 0; i < r.data.length; i += 3) for (let c = 0; c < 3; c++) sum[c] += r.data[i + c];
  const n = r.data.length / 3;
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}

function stdDev(r: Raster): number {
  let s = 0, s2 = 0;
  for (const v of r.data) {
    s += v;
    s2 += v * v;
  }
  const n = r.data.length;
  return Math.sqrt(s2 / n - (s / n) ** 2);
}

describe("renderTextImage", () => {
  it("is deterministic to the byte, and the seed changes it", async () => {
    const a = await renderTextImage(base);
    expect(a.equals(await renderTextImage(base))).toBe(true);
    expect(a.equals(await renderTextImage({ ...base, variantSeed: 8 }))).toBe(false);
  });

  it("gives every style its own look", () => {
    const looks = [undefined, ...STYLES].map((style) => digest(synthesizeTextImage({ ...base, style })));
    expect(new Set(looks).size).toBe(STYLES.length + 1);
  });

  it("DESIGN_SKETCH is greyscale on white", () => {
    const r = synthesizeTextImage({ ...base, prompt: "a red fox", style: "DESIGN_SKETCH" });
    for (let i = 0; i < r.data.length; i += 3) {
      expect(Math.abs(r.data[i] - r.data[i + 2])).toBeLessThanOrEqual(2);
    }
    expect(mean(r)[0]).toBeGreaterThan(200);
  });

  it("lets colour words set the dominant colour", () => {
    const [rr, , rb] = mean(synthesizeTextImage({ ...base, prompt: "a red fox" }));
    const [br, , bb] = mean(synthesizeTextImage({ ...base, prompt: "a blue fox" }));
    expect(rr - rb).toBeGreaterThan(40);
    expect(bb - br).toBeGreaterThan(40);
  });

  it("lets the negative prompt mute a colour and remove a subject", () => {
    const red = mean(synthesizeTextImage({ ...base, prompt: "a red fox" }));
    const muted = mean(synthesizeTextImage({ ...base, prompt: "a red fox", negativePrompt: "red" }));
    expect(red[0] - red[2]).toBeGreaterThan((muted[0] - muted[2]) * 2);
    expect(readPrompt("fox and hound", "hound").subjects).toEqual(["fox"]);
  });

  it("adds a shape per subject word, and a word changes the image", () => {
    const scene = readPrompt("a cat, a dog and a bird on a wall", undefined);
    expect(scene.subjects).toEqual(["cat", "dog", "bird", "wall"]);
    // One shape per subject, plus two seed-only accents.
    expect(layoutShapes(scene.subjects, scene.palette, 1, 100, 100, 1, 1)).toHaveLength(6);
    const cat = digest(synthesizeTextImage({ ...base, prompt: "a cat" }));
    const catAndDog = digest(synthesizeTextImage({ ...base, prompt: "a cat and a dog" }));
    expect(cat).not.toBe(catAndDog);
  });

  it("raises contrast a little with cfg_scale", () => {
    const low = stdDev(synthesizeTextImage({ ...base, cfgScale: 2 }));
    const high = stdDev(synthesizeTextImage({ ...base, cfgScale: 10 }));
    expect(high).toBeGreaterThan(low * 1.1);
    expect(high).toBeLessThan(low * 2);
  });

  it("renders every style at 2048×2048", async () => {
    for (const style of STYLES) {
      const r = synthesizeTextImage({ ...base, prompt: "maximal city skyline with towers bridges boats and birds", style, width: 2048, height: 2048 });
      expect(r.data.length).toBe(2048 * 2048 * 3);
    }
  });
});
