import "server-only";
import sharp from "sharp";
import type { ImageFacts, MaskFacts } from "@/lib/models";

/**
 * Facts about an image for the contract's rules in `lib/models/image-rules.ts`, measured with
 * sharp. (The browser measures the same facts with a canvas; the rules and their messages are
 * shared, so the form and the API say the same thing.)
 */

/** Decoding stops beyond this; larger images are reported from their header alone. */
const DECODE_PIXEL_LIMIT = 40_000_000;

export async function measureImage(bytes: Buffer): Promise<ImageFacts> {
  const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const swap = (meta.orientation ?? 1) >= 5;
  const bits = meta.isPalette ? 8 : (meta.bitsPerSample ?? (meta.depth === "ushort" ? 16 : 8));
  let translucentPixels = 0;
  if (meta.hasAlpha && width * height <= DECODE_PIXEL_LIMIT) {
    const { data, info } = await sharp(bytes, { limitInputPixels: DECODE_PIXEL_LIMIT })
      .ensureAlpha()
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });
    for (let i = info.channels - 1; i < data.length; i += info.channels) if (data[i] < 255) translucentPixels++;
  }
  return {
    width: swap ? height : width,
    height: swap ? width : height,
    format: String(meta.format ?? "unknown"),
    bitsPerChannel: bits,
    translucentPixels,
  };
}

export async function measureMask(bytes: Buffer): Promise<MaskFacts> {
  const { data, info } = await sharp(bytes, { limitInputPixels: DECODE_PIXEL_LIMIT })
    .rotate()
    .removeAlpha()
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  let nonBinaryPixels = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const v = data[i];
    let binary = v === 0 || v === 255;
    for (let c = 1; c < info.channels && binary; c++) binary = data[i + c] === v;
    if (!binary) nonBinaryPixels++;
  }
  return { width: info.width, height: info.height, nonBinaryPixels };
}
