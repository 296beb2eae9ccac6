/**
 * Reading a file (or fetched blob) into decoded pixels, browser-only.
 *
 * EXIF orientation is applied exactly once: `createImageBitmap(blob, { imageOrientation:
 * "from-image" })` turns a sideways phone photo upright, the way every browser already shows it
 * in an <img>. The server measures the same way (sharp's `.rotate()` applies the tag), so sizes
 * agree. When a file carries an orientation other than 1 we send a re-encoded copy instead of
 * the original bytes (prepare.ts): a canvas export has no EXIF, so nothing downstream can apply
 * the rotation a second time, and the mask is painted over exactly the pixels that are sent.
 */
import { readImageHeader, type ImageHeader } from "@/lib/browser-images/image-header";
import type { ImageKind } from "@/lib/browser-images/image-value";
import { FORMAT_MIME, formatLabel } from "@/lib/browser-images/sniff-format";

/** Larger files are refused before reading: nothing valid is anywhere near this after decoding. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
/** Decompression-bomb guard, checked from the header before the browser allocates pixels. */
export const MAX_DECODE_PIXELS = 100_000_000;

/** A failure a person can act on; its message is shown as it is. */
export class ImageLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageLoadError";
  }
}

export interface DecodedImage {
  /** The file's own bytes, unchanged. */
  bytes: Uint8Array;
  header: ImageHeader;
  /** Upright (orientation applied). Close it when done. */
  bitmap: ImageBitmap;
  width: number;
  height: number;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export const SVG_REFUSED =
  "SVG images are not accepted: they can carry scripts and have no fixed pixel size. Export it as a PNG and use that.";

/** Decodes pixels for measuring and drawing. Masks skip colour management so black and white stay exactly 0 and 255. */
export function decodeBitmap(blob: Blob, kind: ImageKind): Promise<ImageBitmap> {
  return createImageBitmap(blob, {
    imageOrientation: "from-image",
    colorSpaceConversion: kind === "mask" ? "none" : "default",
  });
}

export async function decodeImage(blob: Blob, kind: ImageKind): Promise<DecodedImage> {
  if (blob.size === 0) throw new ImageLoadError("The file is empty.");
  if (blob.size > MAX_SOURCE_BYTES) throw new ImageLoadError(`The file is ${mb(blob.size)}; the largest we open is ${mb(MAX_SOURCE_BYTES)}.`);
  if (blob.type === "image/svg+xml") throw new ImageLoadError(SVG_REFUSED);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const header = readImageHeader(bytes);
  if (header.format === "svg") throw new ImageLoadError(SVG_REFUSED);
  if (header.format === "unknown") throw new ImageLoadError("This is not an image we can read. Use a PNG, JPEG or WebP file.");
  if (header.width && header.height && header.width * header.height > MAX_DECODE_PIXELS) {
    throw new ImageLoadError(
      `The image is ${header.width}×${header.height}, too large to open in the browser (over ${MAX_DECODE_PIXELS.toLocaleString("en-US")} pixels). Make it smaller first.`,
    );
  }
  let bitmap: ImageBitmap;
  try {
    // Typed by what the bytes are, not by what the file name or server claimed.
    bitmap = await decodeBitmap(new Blob([bytes as BlobPart], { type: FORMAT_MIME[header.format] }), kind);
  } catch {
    throw new ImageLoadError(
      `This browser could not decode the ${formatLabel(header.format)} image (it may be damaged, or a format this browser cannot read). Convert it to PNG or JPEG first.`,
    );
  }
  return { bytes, header, bitmap, width: bitmap.width, height: bitmap.height };
}
