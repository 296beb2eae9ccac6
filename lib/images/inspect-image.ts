import "server-only";
import sharp, { type Metadata } from "sharp";
import { AppError } from "@/lib/errors";

/** Raster formats we accept; SVG (scriptable, unbounded) and everything else is refused. */
const CONTENT_TYPES = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
  tiff: "image/tiff",
} as const;

export type ImageFormat = keyof typeof CONTENT_TYPES;

export interface ImageInfo {
  format: ImageFormat;
  contentType: (typeof CONTENT_TYPES)[ImageFormat];
  /** As stored, before EXIF orientation; see `orientation`. */
  width: number;
  height: number;
  channels: number;
  hasAlpha: boolean;
  bitsPerChannel: number;
  /** EXIF orientation 1–8 (1 when absent); 5–8 swap width and height when applied. */
  orientation: number;
}

const DEPTH_BITS: Record<string, number> = {
  uchar: 8, char: 8, ushort: 16, short: 16, uint: 32, int: 32, float: 32, complex: 64, double: 64, dpcomplex: 128,
};

/**
 * Reads the header only (no full decode). `maxPixels` goes to sharp's `limitInputPixels` and is
 * also checked here against width × height, which covers every page of multi-page files.
 */
export async function inspectImage(
  bytes: Uint8Array,
  opts: { maxPixels: number; field?: string },
): Promise<ImageInfo> {
  const label = opts.field ?? "image";
  const reject = (message: string, cause?: unknown): never => {
    throw new AppError("invalid_request", message, {
      cause,
      fields: opts.field ? [{ field: opts.field, message }] : [],
    });
  };
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: opts.maxPixels }).metadata();
  } catch (e) {
    const overLimit = /pixel limit/i.test((e as Error).message);
    return reject(overLimit ? `${label} has more than ${opts.maxPixels} pixels` : `${label} is not a readable image`, e);
  }
  const format = meta.format === "heif" && meta.compression === "av1" ? "avif" : meta.format;
  if (format === "svg") return reject(`${label} is SVG; SVG images are not accepted`);
  if (!(format in CONTENT_TYPES)) return reject(`${label} is in an unsupported format (${format})`);
  const f = format as ImageFormat;
  if (!meta.width || !meta.height) return reject(`${label} has no dimensions`);
  if (meta.width * meta.height > opts.maxPixels) return reject(`${label} has more than ${opts.maxPixels} pixels`);
  return {
    format: f,
    contentType: CONTENT_TYPES[f],
    width: meta.width,
    height: meta.height,
    channels: meta.channels,
    hasAlpha: meta.hasAlpha,
    // PNG/GIF report the true sample size (palettes: the index size, expanded to 8 on decode).
    bitsPerChannel: meta.bitsPerSample && !meta.isPalette ? meta.bitsPerSample : (DEPTH_BITS[meta.depth] ?? 8),
    orientation: meta.orientation ?? 1,
  };
}
