import { mix, saturate, type Rgb } from "@/lib/emulator/palette";

/**
 * One look per Nova Canvas style preset. Each is data, read by render-text-image.ts, so a
 * style's difference is visible in one place: palette treatment, background, how shapes are
 * filled, and the whole-image passes (posterize, blur, grain).
 */
export type Background = "gradient" | "horizon" | "paper" | "white" | "stripes";
export type Fill = "soft" | "flat" | "outline" | "inked" | "sphere";

export interface StyleLook {
  recolour(c: Rgb): Rgb;
  background: Background;
  fill: Fill;
  /** Shapes per subject word (maximalism piles them on). */
  shapesPerWord: number;
  /** Multiplies shape sizes. */
  sizeScale: number;
  /** Blur radius as a fraction of the long side; 0 = none. */
  blur: number;
  /** Grain amplitude in 0..255 levels; 0 = none. */
  grain: number;
  /** Channel levels after filling (comic print); 0 = off. */
  posterize: number;
}

const RETRO: Rgb[] = [[204, 150, 50], [46, 110, 110], [196, 92, 52], [226, 200, 150]];
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [30, 30, 34];

const base: StyleLook = {
  recolour: (c) => c,
  background: "gradient",
  fill: "soft",
  shapesPerWord: 1,
  sizeScale: 1,
  blur: 0,
  grain: 0,
  posterize: 0,
};

/** Used when the request names no style. */
export const DEFAULT_LOOK: StyleLook = base;

export const STYLE_LOOKS: Record<string, StyleLook> = {
  FLAT_VECTOR_ILLUSTRATION: { ...base, recolour: (c) => saturate(c, 1.15), background: "horizon", fill: "flat" },
  DESIGN_SKETCH: {
    ...base,
    // Greyscale pencil on white: the palette survives only as lighter or darker strokes.
    recolour: (c) => mix(saturate(c, 0), INK, 0.55),
    background: "white",
    fill: "outline",
  },
  // Soft-edged shapes are already smooth; grain alone sells the photo (a blur pass costs ~0.2 s at 2048²).
  PHOTOREALISM: { ...base, recolour: (c) => saturate(c, 0.9), fill: "soft", sizeScale: 1.2, grain: 22 },
  MAXIMALISM: { ...base, recolour: (c) => saturate(c, 1.7), background: "stripes", fill: "flat", shapesPerWord: 3 },
  MIDCENTURY_RETRO: {
    ...base,
    recolour: (c) => saturate(mix(c, RETRO[(c[0] + c[1] + c[2]) % RETRO.length], 0.5), 0.7),
    background: "paper",
    fill: "flat",
  },
  GRAPHIC_NOVEL_ILLUSTRATION: { ...base, recolour: (c) => saturate(c, 1.3), background: "horizon", fill: "inked", posterize: 4 },
  SOFT_DIGITAL_PAINTING: { ...base, recolour: (c) => mix(saturate(c, 0.85), WHITE, 0.1), fill: "soft", sizeScale: 1.3, blur: 1 / 90 },
  "3D_ANIMATED_FAMILY_FILM": { ...base, recolour: (c) => mix(saturate(c, 1.2), WHITE, 0.12), fill: "sphere", sizeScale: 1.2 },
};

export function lookOf(style: string | undefined): StyleLook {
  return (style && STYLE_LOOKS[style]) || DEFAULT_LOOK;
}
