import { describe, expect, it } from "vitest";
import { paletteFromPixels } from "@/lib/browser-images/palette-from-pixels";

/** RGBA bytes of `n` pixels of one colour. */
const fill = (n: number, r: number, g: number, b: number, a = 255) => Array.from({ length: n }, () => [r, g, b, a]).flat();
const image = (...parts: number[][]) => new Uint8ClampedArray(parts.flat());

describe("paletteFromPixels", () => {
  it("finds the colours of a two-colour image, most common first", () => {
    const px = image(fill(100, 0, 0, 255), fill(300, 255, 0, 0));
    expect(paletteFromPixels(px, 2)).toEqual(["#FF0000", "#0000FF"]);
  });

  it("returns the mean colour when asked for one", () => {
    const px = image(fill(10, 0, 0, 0), fill(10, 200, 100, 50));
    expect(paletteFromPixels(px, 1)).toEqual(["#643219"]);
  });

  it("returns fewer colours than asked when the image has fewer", () => {
    const px = image(fill(50, 10, 20, 30), fill(50, 250, 240, 230));
    expect(paletteFromPixels(px, 5)).toEqual(["#0A141E", "#FAF0E6"]);
  });

  it("separates four well-spread colours", () => {
    const px = image(fill(40, 255, 0, 0), fill(30, 0, 255, 0), fill(20, 0, 0, 255), fill(10, 255, 255, 255));
    expect(paletteFromPixels(px, 4)).toEqual(["#FF0000", "#00FF00", "#0000FF", "#FFFFFF"]);
  });

  it("groups near shades into one colour: their mean", () => {
    const px = image(fill(50, 250, 0, 0), fill(50, 255, 0, 0), fill(100, 0, 0, 250), fill(100, 0, 0, 255));
    expect(paletteFromPixels(px, 2)).toEqual(["#0000FD", "#FD0000"]);
  });

  it("drops near-duplicates such as the blend along an edge", () => {
    const px = image(fill(700, 230, 120, 20), fill(280, 20, 60, 160), fill(20, 33, 63, 151));
    expect(paletteFromPixels(px, 3)).toEqual(["#E67814", "#143CA0"]);
    expect(paletteFromPixels(px, 3, { minDistance: 0 })).toHaveLength(3);
  });

  it("ignores transparent pixels", () => {
    const px = image(fill(1000, 255, 255, 255, 0), fill(5, 18, 52, 86));
    expect(paletteFromPixels(px, 3)).toEqual(["#123456"]);
  });

  it("returns nothing for a fully transparent or empty image", () => {
    expect(paletteFromPixels(image(fill(20, 1, 2, 3, 0)), 3)).toEqual([]);
    expect(paletteFromPixels(new Uint8ClampedArray(0), 3)).toEqual([]);
  });

  it("samples large images and still finds the main colours", () => {
    const px = image(fill(150_000, 240, 200, 10), fill(50_000, 20, 20, 20));
    expect(paletteFromPixels(px, 2, { maxSamples: 1000 })).toEqual(["#F0C80A", "#141414"]);
  });

  it("writes every colour as #RRGGBB in upper case", () => {
    const px = image(fill(10, 171, 205, 239), fill(10, 1, 2, 3), fill(10, 90, 180, 45));
    for (const c of paletteFromPixels(px, 3)) expect(c).toMatch(/^#[0-9A-F]{6}$/);
  });
});
