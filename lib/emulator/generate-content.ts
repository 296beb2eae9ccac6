import type { Rgb } from "@/lib/emulator/palette";
import { readPrompt } from "@/lib/emulator/prompt-words";
import { dominantColours } from "@/lib/emulator/raster-blend";
import type { Raster } from "@/lib/emulator/raster";
import { variantSeed, type RenderJob } from "@/lib/emulator/render-job";
import { synthesizeTextImage } from "@/lib/emulator/render-text-image";

/**
 * "New content" for the image-to-image tasks: the TEXT_IMAGE synthesiser at the job's size and
 * seed. When the prompt names no colour, the palette comes from the source image, so a filled
 * hole or an extended background belongs to the picture it is in.
 */
export interface ContentInput {
  prompt?: string;
  negativePrompt?: string;
  cfgScale?: number;
  style?: string;
  /** Colours to use unless the prompt names its own. */
  fallbackPalette?: readonly Rgb[];
  /** Colours to use whatever the prompt says. */
  palette?: readonly Rgb[];
  /** Replaces the job's variant seed (see variantSeedIgnoring). */
  variantSeed?: number;
}

export function generateContent(job: RenderJob, input: ContentInput): Raster {
  const named = readPrompt(input.prompt, input.negativePrompt).namedColours;
  return synthesizeTextImage({
    prompt: input.prompt,
    negativePrompt: input.negativePrompt,
    cfgScale: input.cfgScale,
    style: input.style,
    width: job.width,
    height: job.height,
    variantSeed: input.variantSeed ?? variantSeed(job),
    palette: input.palette ?? (named ? undefined : input.fallbackPalette),
  });
}

/** The five most common colours of a source: the fallback palette of generated content. */
export function paletteOf(src: Raster): Rgb[] {
  return dominantColours(src, 5);
}
