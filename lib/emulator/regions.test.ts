import { describe, expect, it } from "vitest";
import { backgroundMask } from "@/lib/emulator/background-mask";
import { fillFromSurroundings } from "@/lib/emulator/fill-from-surroundings";
import { garmentBand, garmentMask } from "@/lib/emulator/garment-region";
import { countEdit, createMask, keptDistance, maskBounds, paintBox, type Mask } from "@/lib/emulator/mask";
import { maskPromptRegion } from "@/lib/emulator/mask-prompt-region";
import { posterizeToPalette } from "@/lib/emulator/raster-blend";
import { createRaster, drawCircle, fillVerticalGradient } from "@/lib/emulator/raster";
import { decodeMaskImage } from "@/lib/emulator/raster-io";
import { whiteIsEdit } from "@/lib/emulator/render-job";
import { maskPng } from "@/lib/emulator/test-images";

/** The region pickers and raster helpers behind the image-to-image renderers. */
const W = 400, H = 300;
const at = (m: Mask, x: number, y: number) => m.data[y * m.width + x];

describe("maskPromptRegion", () => {
  it("is a function of the words alone", () => {
    const a = maskPromptRegion("the red car", W, H);
    expect(maskPromptRegion("The red car", W, H).data).toEqual(a.data);
    expect(maskPromptRegion("red car", W, H).data).toEqual(a.data); // stop words do not count
    expect(maskPromptRegion("the blue car", W, H).data).not.toEqual(a.data);
  });

  it("position words alone pick that part of the image", () => {
    expect(maskBounds(maskPromptRegion("left", W, H))).toEqual({ x0: 0, y0: 0, x1: 200, y1: 300 });
    expect(maskBounds(maskPromptRegion("the right side", W, H))).toEqual({ x0: 200, y0: 0, x1: 400, y1: 300 });
    expect(maskBounds(maskPromptRegion("bottom left corner", W, H))).toEqual({ x0: 0, y0: 165, x1: 200, y1: 300 });
    expect(maskBounds(maskPromptRegion("center", W, H))).toEqual({ x0: 100, y0: 75, x1: 300, y1: 225 });
    expect(countEdit(maskPromptRegion("everything", W, H))).toBe(W * H);
  });

  it("area words name regions: sky at the top, ground at the bottom, background around a central ellipse", () => {
    expect(maskBounds(maskPromptRegion("the sky", W, H))).toEqual({ x0: 0, y0: 0, x1: 400, y1: 120 });
    expect(maskBounds(maskPromptRegion("the floor", W, H))).toEqual({ x0: 0, y0: 180, x1: 400, y1: 300 });
    const bg = maskPromptRegion("the background", W, H);
    expect([at(bg, 0, 0), at(bg, 200, 165), at(bg, 399, 299)]).toEqual([1, 0, 1]);
    const skyLeft = maskPromptRegion("sky on the left", W, H);
    expect(maskBounds(skyLeft)).toEqual({ x0: 0, y0: 0, x1: 200, y1: 120 });
  });

  it("an object word gives a hashed ellipse inside the position limits", () => {
    const car = maskPromptRegion("the car on the right", W, H);
    const b = maskBounds(car)!;
    expect(b.x0).toBeGreaterThanOrEqual(200);
    expect(countEdit(car)).toBeGreaterThan(W * H * 0.02);
    expect(countEdit(car)).toBeLessThan(W * H * 0.5);
  });

  it("garment words use the garment bands", () => {
    expect(maskBounds(maskPromptRegion("the shirt", W, H))).toEqual(maskBounds(garmentMask(W, H, "UPPER_BODY")));
    expect(maskBounds(maskPromptRegion("shoes", W, H))).toEqual(maskBounds(garmentMask(W, H, "FOOTWEAR")));
  });

  it("is never empty", () => {
    for (const p of ["the", "top bottom", "sky below"]) expect(countEdit(maskPromptRegion(p, W, H))).toBeGreaterThan(0);
  });
});

describe("garment bands", () => {
  it("follow the class and the styling", () => {
    expect(garmentBand("UPPER_BODY")).toEqual({ top: 0.2, bottom: 0.55, width: 0.5 });
    expect(garmentBand("SHORT_SLEEVE_SHIRT", { tucking_style: "TUCKED" })).toMatchObject({ bottom: 0.5 });
    expect(garmentBand("LONG_SLEEVE_SHIRT", { long_sleeve_style: "SLEEVE_UP" }).width).toBeLessThan(garmentBand("LONG_SLEEVE_SHIRT").width);
    expect(garmentBand("BOOTS").top).toBeLessThan(garmentBand("SHOES").top);
  });

  it("BOUNDING_BOX is the full rectangle, CONTOUR rounds its corners, OPEN leaves a centre strip", () => {
    const box = garmentMask(W, H, "UPPER_BODY", { mask_shape: "BOUNDING_BOX" });
    const contour = garmentMask(W, H, "UPPER_BODY", { mask_shape: "CONTOUR" });
    expect(at(box, 100, 60)).toBe(1);
    expect(at(contour, 100, 60)).toBe(0);
    expect(maskBounds(box)).toEqual(maskBounds(contour));
    expect(at(garmentMask(W, H, "UPPER_BODY", { outer_layer_style: "OPEN" }), 200, 100)).toBe(0);
  });
});

describe("keptDistance", () => {
  it("measures distance to the kept region and finds the nearest kept pixel", () => {
    const m = createMask(50, 10);
    paintBox(m, { x0: 10, y0: 0, x1: 50, y1: 10 }, 1);
    const { dist, nearest } = keptDistance(m);
    expect(dist[5 * 50 + 9]).toBe(0);
    expect(dist[5 * 50 + 10]).toBe(1);
    expect(dist[5 * 50 + 30]).toBe(21);
    expect(nearest[5 * 50 + 30]).toBe(5 * 50 + 9);
  });
});

describe("fillFromSurroundings", () => {
  it("interpolates across the hole and leaves kept pixels alone", () => {
    const r = createRaster(40, 20);
    for (let y = 0; y < 20; y++) for (let x = 0; x < 40; x++) r.data.set(x < 20 ? [0, 0, 0] : [200, 200, 200], (y * 40 + x) * 3);
    const m = createMask(40, 20);
    paintBox(m, { x0: 10, y0: 0, x1: 30, y1: 20 }, 1);
    const out = fillFromSurroundings(r, m);
    const v = (x: number) => out.data[(10 * 40 + x) * 3];
    expect(v(9)).toBe(0);
    expect(v(30)).toBe(200);
    expect(v(10)).toBeLessThan(v(20));
    expect(v(20)).toBeLessThan(v(29));
  });
});

describe("backgroundMask", () => {
  it("floods a gradient backdrop from the border and stops at the subject", () => {
    const r = createRaster(W, H);
    fillVerticalGradient(r, [240, 240, 245], [200, 205, 215]);
    drawCircle(r, 200, 150, 80, [30, 90, 40]);
    const bg = backgroundMask(r);
    expect(bg[0]).toBe(1);
    expect(bg[(H - 1) * W + W - 1]).toBe(1);
    expect(bg[150 * W + 200]).toBe(0);
  });
});

describe("posterizeToPalette", () => {
  it("leaves only palette colours, darkest share to the darkest colour", () => {
    const r = createRaster(100, 100);
    fillVerticalGradient(r, [0, 0, 0], [255, 255, 255]);
    posterizeToPalette(r, [[250, 250, 250], [10, 20, 30]]);
    expect([...r.data.slice(0, 3)]).toEqual([10, 20, 30]);
    expect([...r.data.slice(-3)]).toEqual([250, 250, 250]);
    const colours = new Set<string>();
    for (let i = 0; i < r.data.length; i += 3) colours.add(r.data.slice(i, i + 3).join(","));
    expect(colours.size).toBe(2);
  });
});

describe("mask polarity", () => {
  it("reads white as edit for every task today, and flips when the provider wants black = edit", async () => {
    expect(whiteIsEdit("INPAINTING")).toBe(true);
    expect(whiteIsEdit("VIRTUAL_TRY_ON")).toBe(true);
    const png = await maskPng(40, 20, (x) => x < 10);
    const white = await decodeMaskImage(png, true);
    const black = await decodeMaskImage(png, false);
    expect([countEdit(white), countEdit(black)]).toEqual([200, 600]);
    expect([at(white, 0, 0), at(black, 0, 0)]).toEqual([1, 0]);
  });
});
