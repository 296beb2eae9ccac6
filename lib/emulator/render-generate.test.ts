import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sobelMagnitude } from "@/lib/emulator/edge-map";
import { decodeCover } from "@/lib/emulator/raster-io";
import type { Raster } from "@/lib/emulator/raster";
import type { EngineHandle } from "@/lib/emulator/server";
import { pngSize, startTestEngine } from "@/lib/emulator/test-helpers";
import { b64, distance, meanAbsDiff, meanWhere, paintPng, pixels, renderOne, rgbAt, solidPng, type Pixels, type Rgb } from "@/lib/emulator/test-images";

/** IMAGE_VARIATION, COLOR_GUIDED_GENERATION and TEXT_IMAGE with a condition image, measured. */
let engine: EngineHandle;
let photo: Buffer;

beforeAll(async () => {
  engine = await startTestEngine({ latencyMs: { min: 10, max: 20 } });
  // A 480×360 "photo": a red disc and a green square on a pale background.
  photo = await paintPng(480, 360, (x, y) => {
    if ((x - 240) ** 2 + (y - 180) ** 2 < 90 ** 2) return [170, 50, 50];
    if (x >= 60 && x < 140 && y >= 240 && y < 320) return [50, 160, 50];
    return [220, 220, 235];
  });
});
afterAll(() => engine.close());

/** The source as the engine scales it: cover-fit to the output size. */
async function coverPixels(png: Buffer, width: number, height: number): Promise<Pixels> {
  return pixels(await sharp(png).resize(width, height, { fit: "cover", kernel: "lanczos3" }).png().toBuffer());
}

describe("IMAGE_VARIATION", () => {
  const body = (similarity_strength: number, seed = 1) => ({ task_type: "IMAGE_VARIATION", image: b64(photo), similarity_strength, seed });

  it("gets measurably closer to the source as similarity_strength rises", async () => {
    const src = await coverPixels(photo, 1024, 1024);
    const d: number[] = [];
    for (const s of [0.2, 0.5, 0.8, 1.0]) d.push(meanAbsDiff(await pixels(await renderOne(engine, body(s))), src));
    expect(d[0]).toBeGreaterThan(d[1]);
    expect(d[1]).toBeGreaterThan(d[2]);
    expect(d[2]).toBeGreaterThan(d[3]);
    expect(d[3]).toBeLessThan(10); // 1.0: near
    expect(d[0]).toBeGreaterThan(d[3] * 5); // 0.2: far
  });

  it("takes the output size from aspect_ratio and size_scale", async () => {
    expect(await pngSize(await renderOne(engine, { ...body(0.7), aspect_ratio: "16:9" }))).toMatchObject({ width: 1024, height: 576 });
  });

  it("blends several sources (images)", async () => {
    const [red, blue] = [await solidPng(400, 400, [220, 20, 20]), await solidPng(400, 400, [20, 20, 220])];
    const out = await pixels(await renderOne(engine, { task_type: "IMAGE_VARIATION", images: [b64(red), b64(blue)], similarity_strength: 1, seed: 2 }));
    const mean = meanWhere(out, () => true);
    expect(distance(mean, [120, 20, 120])).toBeLessThan(25);
  });

  it("is deterministic per seed", async () => {
    const a = await renderOne(engine, body(0.7, 4));
    expect(a.equals(await renderOne(engine, body(0.7, 4)))).toBe(true);
    expect(a.equals(await renderOne(engine, body(0.7, 5)))).toBe(false);
  });
});

describe("COLOR_GUIDED_GENERATION", () => {
  const colors = ["#E63946", "#F1FAEE", "#1D3557", "#A8DADC"];
  const palette: Rgb[] = colors.map((h) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as Rgb);
  const body = { task_type: "COLOR_GUIDED_GENERATION", prompt: "a lighthouse on a cliff", colors, seed: 7 };

  function paletteShares(p: Pixels, maxDistance: number): { near: number; shares: number[] } {
    const counts = new Array(palette.length).fill(0);
    let near = 0;
    for (let y = 0; y < p.height; y++) {
      for (let x = 0; x < p.width; x++) {
        const c = rgbAt(p, x, y);
        const ds = palette.map((q) => distance(c, q));
        const k = ds.indexOf(Math.min(...ds));
        if (ds[k] <= maxDistance) near++;
        counts[k]++;
      }
    }
    const n = p.width * p.height;
    return { near: near / n, shares: counts.map((c) => c / n) };
  }

  it("is made of the given colours, each of them visible", async () => {
    const out = await pixels(await renderOne(engine, body));
    const { near, shares } = paletteShares(out, 12);
    expect(near).toBeGreaterThanOrEqual(0.9);
    for (const share of shares) expect(share).toBeGreaterThan(0.05);
  });

  it("lets a reference image shape the regions without adding colours", async () => {
    // Left half black, right half white: the left should get more of the darkest colour.
    const ref = await paintPng(480, 360, (x) => (x < 240 ? [0, 0, 0] : [255, 255, 255]));
    const withRef = await pixels(await renderOne(engine, { ...body, reference_image: b64(ref) }));
    expect(paletteShares(withRef, 12).near).toBeGreaterThanOrEqual(0.9);
    const navy = palette[2];
    const darkShare = (x0: number, x1: number) => {
      let n = 0;
      for (let y = 0; y < withRef.height; y++) for (let x = x0; x < x1; x++) if (distance(rgbAt(withRef, x, y), navy) < 12) n++;
      return n / ((x1 - x0) * withRef.height);
    };
    expect(darkShare(0, 512)).toBeGreaterThan(darkShare(512, 1024) + 0.1);
  });

  it("is deterministic per seed", async () => {
    const a = await renderOne(engine, body);
    expect(a.equals(await renderOne(engine, body))).toBe(true);
    expect(a.equals(await renderOne(engine, { ...body, seed: 8 }))).toBe(false);
  });
});

describe("TEXT_IMAGE with a condition image", () => {
  let condition: Buffer;
  let conditionEdges: Uint16Array;
  beforeAll(async () => {
    // Outlines and a filled disc on white: clear edges.
    condition = await paintPng(512, 512, (x, y) => {
      const onRect = x >= 80 && x < 280 && y >= 80 && y < 380 && (x < 86 || x >= 274 || y < 86 || y >= 374);
      if (onRect || (x - 360) ** 2 + (y - 300) ** 2 < 100 ** 2) return [30, 30, 30];
      return [255, 255, 255];
    });
    conditionEdges = sobelMagnitude(await decodeCover(condition, 1024, 1024));
  });

  function toRaster(p: Pixels): Raster {
    return { width: p.width, height: p.height, data: new Uint8ClampedArray(p.data) };
  }

  /** Pearson correlation between the output's edge magnitudes and the condition's. */
  async function edgeCorrelation(png: Buffer): Promise<number> {
    const a = sobelMagnitude(toRaster(await pixels(png)));
    const b = conditionEdges;
    let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (let i = 0; i < a.length; i++) {
      sa += a[i];
      sb += b[i];
      saa += a[i] * a[i];
      sbb += b[i] * b[i];
      sab += a[i] * b[i];
    }
    const n = a.length;
    return (sab - (sa * sb) / n) / Math.sqrt((saa - (sa * sa) / n) * (sbb - (sb * sb) / n));
  }

  for (const mode of ["CANNY_EDGE", "SEGMENTATION"] as const) {
    it(`${mode}: the condition's edges show more strongly as control_strength rises`, async () => {
      const body = (control_strength: number) => ({ prompt: "a castle on a hill", image: b64(condition), control_mode: mode, control_strength, seed: 3 });
      const c: number[] = [];
      for (const s of [0, 0.3, 0.6, 1]) c.push(await edgeCorrelation(await renderOne(engine, body(s))));
      // 0: nothing of the condition; then edges that coincide more and more with the condition's.
      expect(Math.abs(c[0])).toBeLessThan(0.1);
      expect(c[1]).toBeGreaterThan(c[0] + 0.2);
      expect(c[2]).toBeGreaterThan(c[1]);
      expect(c[3]).toBeGreaterThan(c[2]);
    });
  }

  it("is deterministic per seed", async () => {
    const body = { prompt: "a castle on a hill", image: b64(condition), seed: 3 };
    const a = await renderOne(engine, body);
    expect(a.equals(await renderOne(engine, body))).toBe(true);
    expect(a.equals(await renderOne(engine, { ...body, seed: 4 }))).toBe(false);
  });
});
