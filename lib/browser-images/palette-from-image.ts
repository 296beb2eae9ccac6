"use client";

import { paletteFromPixels } from "@/lib/browser-images/palette-from-pixels";

/** The image is shrunk to at most this many pixels a side: plenty for dominant colours. */
const SAMPLE_SIDE = 96;

/** Up to `count` dominant colours of an image (data: or same-origin URL), most common first. */
export async function paletteFromImage(src: string, count: number): Promise<string[]> {
  const img = new Image();
  img.src = src;
  await img.decode();
  const scale = Math.min(1, SAMPLE_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
  const width = Math.max(1, Math.round(img.naturalWidth * scale));
  const height = Math.max(1, Math.round(img.naturalHeight * scale));
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error("This browser cannot read image pixels.");
  ctx.drawImage(img, 0, 0, width, height);
  return paletteFromPixels(ctx.getImageData(0, 0, width, height).data, count);
}
