import { FLUX_KLEIN_ID } from "@/lib/emulator/catalog/models";
import { encodePng } from "@/lib/emulator/encode-png";
import { mix, type Rgb } from "@/lib/emulator/palette";
import { fnv1a, mulberry32, rngRange } from "@/lib/emulator/prng";
import { readPrompt } from "@/lib/emulator/prompt-words";
import { createRaster, drawCircle, drawRect, fillVerticalGradient } from "@/lib/emulator/raster";
import { catalogRequestOf, variantSeed, type RenderJob } from "@/lib/emulator/render-job";

/**
 * The fast catalog model's look: a mosaic of square tiles with grout lines, coloured from the
 * prompt's palette (colour words, else the prompt's hash), with one bold ring per subject word
 * on top. Unlike the first model's soft gradient shapes, everything is hard-edged and on a grid.
 * Pure function of (model, parameters, seed, image index): same request and seed, same PNG.
 */
const TILES_ON_LONG_SIDE = 24;
const GROUT: Rgb = [24, 24, 28];
const MAX_RINGS = 12;

export async function renderFluxJob(job: RenderJob): Promise<Buffer> {
  const req = catalogRequestOf(job, FLUX_KLEIN_ID);
  const { width, height } = job;
  const scene = readPrompt(typeof req.prompt === "string" ? req.prompt : "", undefined);
  const palette = scene.palette;
  const seed = variantSeed(job);
  const rng = mulberry32(seed);
  const r = createRaster(width, height);
  fillVerticalGradient(r, GROUT, GROUT);

  const cell = Math.max(8, Math.round(Math.max(width, height) / TILES_ON_LONG_SIDE));
  const grout = Math.max(1, Math.round(cell / 12));
  const wordHash = fnv1a(scene.subjects.join(" "));
  // A tile's colour follows a diagonal wave through the palette, shifted by the words and the seed.
  const phase = rngRange(rng, 0, palette.length);
  for (let y = 0; y < height; y += cell) {
    for (let x = 0; x < width; x += cell) {
      const wave = (x / cell + y / cell) / 3 + phase + ((wordHash >>> ((x / cell) % 16)) & 1) * 0.5;
      const k = Math.floor(wave) % palette.length;
      const c = mix(palette[k], palette[(k + 1) % palette.length], wave - Math.floor(wave));
      drawRect(r, x + grout, y + grout, x + cell - grout, y + cell - grout, c);
    }
  }

  const long = Math.max(width, height);
  for (const word of scene.subjects.slice(0, MAX_RINGS)) {
    const h = fnv1a(word);
    const radius = long * (0.06 + (word.length % 6) * 0.015);
    const x = rngRange(rng, 0.1, 0.9) * width;
    const y = rngRange(rng, 0.1, 0.9) * height;
    const colour = palette[h % palette.length];
    drawCircle(r, x, y, radius, GROUT, 1, 1, radius * 0.3);
    drawCircle(r, x, y, radius - grout * 2, mix(colour, [255, 255, 255], 0.35), 1, 1, radius * 0.3 - grout * 4);
  }
  return encodePng(r);
}
