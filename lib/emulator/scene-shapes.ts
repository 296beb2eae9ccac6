import type { Rgb } from "@/lib/emulator/palette";
import { mix } from "@/lib/emulator/palette";
import { fnv1a, mixSeeds, mulberry32, rngRange } from "@/lib/emulator/prng";

/**
 * Lays out one shape per subject word. The word alone picks the kind of shape and its colour
 * (so "fox" looks the same kind of thing in every image); the seed moves and sizes it (so
 * another seed gives another composition of the same prompt).
 */
export type ShapeKind = "circle" | "rect" | "band" | "ring";

export interface Shape {
  kind: ShapeKind;
  /** Centre, pixels. */
  x: number;
  y: number;
  /** Radius or half-size, pixels. */
  size: number;
  /** Aspect of rectangles (w/h) and the angle of bands (radians). */
  aspect: number;
  angle: number;
  colour: Rgb;
}

const KINDS: ShapeKind[] = ["circle", "rect", "circle", "band", "ring", "rect"];

/**
 * Unnamed accents driven by the seed alone: a one-word prompt still gets a composition, and a
 * prompt with no subject word (just "red") is not a bare gradient.
 */
const ACCENTS = ["\u0001", "\u0002", "\u0003"];

export function layoutShapes(
  subjects: string[],
  palette: Rgb[],
  seed: number,
  width: number,
  height: number,
  shapesPerWord: number,
  sizeScale: number,
): Shape[] {
  const words = [...subjects, ...ACCENTS.slice(0, subjects.length === 0 ? 3 : 2)];
  const total = words.length * shapesPerWord;
  const longSide = Math.max(width, height);
  // More shapes → smaller shapes, so the canvas fills up instead of painting over itself.
  const crowd = 1 / Math.sqrt(Math.max(1, total / 5));
  const shapes: Shape[] = [];
  words.forEach((word, k) => {
    const wordHash = fnv1a(word);
    for (let copy = 0; copy < shapesPerWord; copy++) {
      const rng = mulberry32(mixSeeds(wordHash, mixSeeds(seed, k * 31 + copy)));
      const tone = ((wordHash >>> 8) % 5) / 10 - 0.2;
      const paletteColour = palette[(wordHash + copy) % palette.length];
      shapes.push({
        kind: KINDS[(wordHash >>> 4) % KINDS.length],
        x: rngRange(rng, 0.08, 0.92) * width,
        y: rngRange(rng, 0.12, 0.9) * height,
        size: rngRange(rng, 0.07, 0.2) * longSide * crowd * sizeScale,
        aspect: rngRange(rng, 0.5, 2),
        angle: rngRange(rng, -0.6, 0.6) + Math.PI / 2,
        colour: tone >= 0 ? mix(paletteColour, [255, 255, 255], tone) : mix(paletteColour, [0, 0, 0], -tone),
      });
    }
  });
  return shapes;
}
