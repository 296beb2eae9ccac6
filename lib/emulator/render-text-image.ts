import { encodePng } from "@/lib/emulator/encode-png";
import { mix, type Rgb } from "@/lib/emulator/palette";
import { mixSeeds, mulberry32, type Rng, rngRange } from "@/lib/emulator/prng";
import { readPrompt } from "@/lib/emulator/prompt-words";
import { createRaster, drawBand, drawCircle, drawRect, drawSphere, fillVerticalGradient, type Raster } from "@/lib/emulator/raster";
import { addNoise, adjustContrast, boxBlur, posterize } from "@/lib/emulator/raster-effects";
import { layoutShapes, type Shape } from "@/lib/emulator/scene-shapes";
import { lookOf, type StyleLook } from "@/lib/emulator/style-looks";

/**
 * TEXT_IMAGE synthesis: prompt words → palette and shapes, style → look, cfg_scale → contrast.
 * Pure function of its input, so the engine can drop cached PNGs and re-render them at will.
 */
export interface TextImageInput {
  prompt?: string;
  negativePrompt?: string;
  style?: string;
  cfgScale?: number;
  width: number;
  height: number;
  /** Already mixed from the request and the image's own seed (seed + index). */
  variantSeed: number;
  /**
   * Replaces the palette the prompt's words would give (colour-guided generation, or content
   * that must match a source image). Still passes through the style's recolouring.
   */
  palette?: readonly Rgb[];
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const DEFAULT_CFG = 7.5;

export function synthesizeTextImage(input: TextImageInput): Raster {
  const { width, height, variantSeed } = input;
  const look = lookOf(input.style);
  const scene = readPrompt(input.prompt, input.negativePrompt);
  const palette = (input.palette && input.palette.length > 0 ? input.palette : scene.palette).map(look.recolour);
  const rng = mulberry32(mixSeeds(variantSeed, 0x5eed));
  const raster = createRaster(width, height);

  paintBackground(raster, look, palette, rng);
  const shapes = layoutShapes(scene.subjects, palette, variantSeed, width, height, look.shapesPerWord, look.sizeScale);
  for (const shape of shapes) paintShape(raster, look, shape);
  if (look.posterize > 0) posterize(raster, look.posterize);
  if (look.fill === "inked") for (const shape of shapes) outlineShape(raster, shape, BLACK, Math.max(3, Math.max(width, height) / 110));
  if (look.blur > 0) boxBlur(raster, Math.max(width, height) * look.blur, 2);
  if (look.grain > 0) addNoise(raster, rng, look.grain);
  // Higher guidance reads as "more committed" colours: a little more contrast, never a new image.
  adjustContrast(raster, 1 + ((input.cfgScale ?? DEFAULT_CFG) - DEFAULT_CFG) * 0.04);
  return raster;
}

export async function renderTextImage(input: TextImageInput): Promise<Buffer> {
  return encodePng(synthesizeTextImage(input));
}

function paintBackground(r: Raster, look: StyleLook, palette: Rgb[], rng: Rng): void {
  const p0 = palette[0];
  const p1 = palette[1 % palette.length];
  switch (look.background) {
    case "white":
      fillVerticalGradient(r, [250, 250, 250], [243, 243, 243]);
      return;
    case "paper":
      fillVerticalGradient(r, mix([236, 222, 190], p0, 0.15), mix([230, 214, 178], p0, 0.15));
      drawCircle(r, rngRange(rng, 0.2, 0.8) * r.width, rngRange(rng, 0.2, 0.5) * r.height, Math.min(r.width, r.height) * 0.3, p1, 0.5);
      return;
    case "horizon": {
      fillVerticalGradient(r, mix(p0, WHITE, 0.35), mix(p0, WHITE, 0.35));
      drawRect(r, 0, rngRange(rng, 0.55, 0.75) * r.height, r.width, r.height, mix(p1, BLACK, 0.15));
      return;
    }
    case "stripes":
      fillVerticalGradient(r, mix(p0, WHITE, 0.1), mix(p1, BLACK, 0.3));
      for (let i = 0; i < 6; i++) {
        const angle = rngRange(rng, 0, Math.PI);
        const offset = rngRange(rng, 0, r.width * Math.abs(Math.cos(angle)) + r.height * Math.abs(Math.sin(angle)));
        drawBand(r, angle, offset, Math.max(r.width, r.height) * rngRange(rng, 0.03, 0.1), palette[i % palette.length], 0.35);
      }
      return;
    case "gradient":
      fillVerticalGradient(r, mix(p0, WHITE, 0.15), mix(p1, BLACK, 0.25));
  }
}

function paintShape(r: Raster, look: StyleLook, s: Shape): void {
  const { x, y, size, colour } = s;
  const longSide = Math.max(r.width, r.height);
  switch (look.fill) {
    case "outline":
      outlineShape(r, s, colour, Math.max(2, longSide / 340));
      return;
    case "sphere":
      if (s.kind === "band") drawBand(r, s.angle, bandOffset(s), size * 0.8, colour, 0.35);
      else drawSphere(r, x, y, size, colour);
      return;
    case "soft":
      if (s.kind === "circle") drawCircle(r, x, y, size, colour, 0.9, size * 0.35);
      else if (s.kind === "ring") drawCircle(r, x, y, size, colour, 0.85, 2, size * 0.18);
      else if (s.kind === "rect") drawRect(r, x - size * s.aspect, y - size, x + size * s.aspect, y + size, colour, 0.8);
      else drawBand(r, s.angle, bandOffset(s), size * 0.8, colour, 0.45);
      return;
    case "flat":
    case "inked":
      if (s.kind === "circle") drawCircle(r, x, y, size, colour);
      else if (s.kind === "ring") drawCircle(r, x, y, size, colour, 1, 1, size * 0.22);
      else if (s.kind === "rect") drawRect(r, x - size * s.aspect, y - size, x + size * s.aspect, y + size, colour);
      else drawBand(r, s.angle, bandOffset(s), size * 0.6, colour);
  }
}

/** Strokes a shape's edge: pencil lines for sketches, ink for comics. */
function outlineShape(r: Raster, s: Shape, colour: Rgb, t: number): void {
  const { x, y, size } = s;
  if (s.kind === "circle" || s.kind === "ring") {
    drawCircle(r, x, y, size, colour, 1, 1, t);
    if (s.kind === "ring") drawCircle(r, x, y, size * 0.78, colour, 1, 1, t);
  } else if (s.kind === "rect") {
    drawRect(r, x - size * s.aspect, y - size, x + size * s.aspect, y + size, colour, 1, Math.round(t));
  } else {
    const width = s.kind === "band" ? size * 0.6 : size;
    drawBand(r, s.angle, bandOffset(s) - width / 2, t, colour);
    drawBand(r, s.angle, bandOffset(s) + width / 2, t, colour);
  }
}

function bandOffset(s: Shape): number {
  return s.x * Math.cos(s.angle) + s.y * Math.sin(s.angle);
}
