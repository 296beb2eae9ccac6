import { SEEDREAM_LITE_ID } from "@/lib/emulator/catalog/models";
import { encodePng } from "@/lib/emulator/encode-png";
import { mix, type Rgb } from "@/lib/emulator/palette";
import { fnv1a, mulberry32, rngRange } from "@/lib/emulator/prng";
import { readPrompt } from "@/lib/emulator/prompt-words";
import { createRaster, drawCircle, fillVerticalGradient, type Raster } from "@/lib/emulator/raster";
import { dominantColours, lerpInto } from "@/lib/emulator/raster-blend";
import { decodeCover } from "@/lib/emulator/raster-io";
import { catalogRequestOf, variantSeed, type RenderJob } from "@/lib/emulator/render-job";

/**
 * The editing catalog model's look: a landscape of layered wavy ridges under a sky, one ridge
 * per subject word (at least three), a sun for the first word, coloured from the prompt's
 * palette. With reference images (`image[]`, editing) the palette comes from the references'
 * dominant colours unless the prompt names colours, and the references themselves (scaled to
 * cover the output, averaged) show through at REFERENCE_WEIGHT, so their shapes stay visible.
 */
export const REFERENCE_WEIGHT = 0.55;
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
const MIN_RIDGES = 3;
const MAX_RIDGES = 8;

export async function renderSeedreamJob(job: RenderJob): Promise<Buffer> {
  const req = catalogRequestOf(job, SEEDREAM_LITE_ID);
  const { width, height } = job;
  const scene = readPrompt(typeof req.prompt === "string" ? req.prompt : "", undefined);
  const refs = job.inputs.images ?? [];
  const reference = refs.length > 0 ? await averageReferences(refs, width, height) : null;
  const palette = reference && !scene.namedColours ? dominantColours(reference, 5) : scene.palette;

  const rng = mulberry32(variantSeed(job));
  const r = createRaster(width, height);
  fillVerticalGradient(r, mix(palette[0], WHITE, 0.55), mix(palette[1 % palette.length], WHITE, 0.2));
  const first = scene.subjects[0];
  if (first) {
    const radius = Math.min(width, height) * (0.08 + (fnv1a(first) % 5) * 0.02);
    drawCircle(r, rngRange(rng, 0.15, 0.85) * width, rngRange(rng, 0.12, 0.35) * height, radius, mix(palette[2 % palette.length], WHITE, 0.4), 1, radius * 0.2);
  }
  const ridges = Math.min(MAX_RIDGES, Math.max(MIN_RIDGES, scene.subjects.length));
  for (let k = 0; k < ridges; k++) {
    const word = scene.subjects[k] ?? String(k);
    const depth = (k + 1) / ridges;
    const colour = mix(palette[fnv1a(word) % palette.length], BLACK, 0.45 * depth);
    paintRidge(r, {
      base: height * (0.35 + 0.55 * depth),
      amplitude: height * rngRange(rng, 0.03, 0.09),
      wavelength: width * rngRange(rng, 0.25, 0.7),
      phase: rngRange(rng, 0, Math.PI * 2),
      colour,
    });
  }
  if (reference) lerpInto(r, reference, REFERENCE_WEIGHT);
  return encodePng(r);
}

/**
 * The references scaled to cover the output, averaged (as averageRasters does), decoded one at
 * a time into a running sum: 14 references at 3K would otherwise be 14 rasters of 28 MB at once.
 */
async function averageReferences(refs: Buffer[], width: number, height: number): Promise<Raster> {
  const out = createRaster(width, height);
  // 14 × 255 fits 16 bits.
  const sum = new Uint16Array(out.data.length);
  for (const bytes of refs) {
    const { data } = await decodeCover(bytes, width, height);
    for (let i = 0; i < sum.length; i++) sum[i] += data[i];
  }
  for (let i = 0; i < sum.length; i++) out.data[i] = sum[i] / refs.length;
  return out;
}

interface Ridge {
  base: number;
  amplitude: number;
  wavelength: number;
  phase: number;
  colour: Rgb;
}

/** Fills each column from the ridge's crest down to the bottom edge. */
function paintRidge(r: Raster, ridge: Ridge): void {
  const { width, height, data } = r;
  const [cr, cg, cb] = ridge.colour;
  for (let x = 0; x < width; x++) {
    const crest = ridge.base + ridge.amplitude * Math.sin((x / ridge.wavelength) * Math.PI * 2 + ridge.phase);
    for (let y = Math.max(0, Math.round(crest)); y < height; y++) {
      const i = (y * width + x) * 3;
      data[i] = cr;
      data[i + 1] = cg;
      data[i + 2] = cb;
    }
  }
}
