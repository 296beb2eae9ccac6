import "server-only";
import sharp from "sharp";
import { INPUT_IMAGE_LIMITS, type ImageFacts } from "@/lib/models";

/**
 * What an image's header says, read without decoding a pixel: the size (after EXIF
 * orientation, which is what the contract's rules measure), format, depth and orientation.
 * Read first, so an image over the contract's limits is refused from these few bytes
 * and never decoded (a 1 MB JPEG can declare 12000×12000 px; decoding and rotating it once
 * took over 2 GB).
 */
export interface ImageHeader {
  /** As sharp names it: png, jpeg, webp, gif, svg, … */
  format: string;
  /** After EXIF orientation (5–8 swap the stored sides). */
  width: number;
  height: number;
  /** As stored, before orientation: what sharp's `limitInputPixels` counts. */
  storedPixels: number;
  /** EXIF orientation 1–8 (1 when absent). */
  orientation: number;
  channels: number;
  hasAlpha: boolean;
  bitsPerChannel: number;
}

/** Formats whose pixels we are willing to decode at all (never SVG, PDF and the like). */
const RASTER_FORMATS = new Set(["png", "jpeg", "webp", "gif", "tiff", "heif", "avif"]);

/** null when the bytes are not an image sharp can read, or declare no size. */
export async function readImageHeader(bytes: Uint8Array): Promise<ImageHeader | null> {
  let meta;
  try {
    // Header only: the limit would be checked against the declared size, which we check ourselves.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return null;
  }
  if (!meta.width || !meta.height) return null;
  const orientation = meta.orientation ?? 1;
  const swap = orientation >= 5;
  return {
    format: String(meta.format ?? "unknown"),
    width: swap ? meta.height : meta.width,
    height: swap ? meta.width : meta.height,
    storedPixels: meta.width * meta.height,
    orientation,
    channels: meta.channels ?? 3,
    hasAlpha: Boolean(meta.hasAlpha),
    // Palettes hold 8-bit colours whatever the index size (the browser reports the same).
    bitsPerChannel: meta.isPalette ? 8 : (meta.bitsPerSample ?? (meta.depth === "ushort" ? 16 : 8)),
  };
}

/** The facts the contract's rules need that a header alone gives (no translucency count). */
export function headerFacts(h: ImageHeader): ImageFacts {
  return { width: h.width, height: h.height, format: h.format, bitsPerChannel: h.bitsPerChannel };
}

/**
 * Whether decoding this image is bounded by the contract's limits (each side at most 4096 px,
 * at most 4,194,304 px) and its format is a raster one. Anything else is judged on its header.
 */
export function isSafeToDecode(h: ImageHeader): boolean {
  const L = INPUT_IMAGE_LIMITS;
  return RASTER_FORMATS.has(h.format) && Math.max(h.width, h.height) <= L.maxSide && h.storedPixels <= L.maxPixels;
}
