/**
 * Canvas → the bytes we send. PNG when there is alpha or it is a mask (lossless), JPEG 0.92 for
 * photos (see `chooseEncoding`). A canvas export carries no EXIF, so an orientation that was
 * applied while decoding can never be applied a second time by the server or the model.
 */
import { canvasToBlob, scanPixels, type AnyCanvas } from "@/lib/browser-images/canvas";
import { bytesToDataUrl } from "@/lib/browser-images/data-url";
import { chooseEncoding, type OutputFormat } from "@/lib/browser-images/geometry";
import type { ImageKind, ImageValue } from "@/lib/browser-images/image-value";

export const JPEG_QUALITY = 0.92;

const MIME: Record<OutputFormat, string> = { png: "image/png", jpeg: "image/jpeg" };

export async function encodeCanvas(canvas: AnyCanvas, format: OutputFormat): Promise<{ dataUrl: string; bytes: number }> {
  const blob = await canvasToBlob(canvas, MIME[format], format === "jpeg" ? JPEG_QUALITY : undefined);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return { dataUrl: bytesToDataUrl(bytes, MIME[format]), bytes: bytes.length };
}

export interface CanvasValueOptions {
  name: string;
  kind: ImageKind;
  /** The format the pixels came from: a JPEG stays JPEG, anything lossless becomes PNG. */
  sourceFormat: string;
  forcePng?: boolean;
  sourceImageId?: string;
}

/** Measures a finished canvas, encodes it and returns the new value (8 bits per channel). */
export async function valueFromCanvas(canvas: AnyCanvas, o: CanvasValueOptions): Promise<ImageValue> {
  const { width, height } = canvas;
  const facts = scanPixels(canvas, width, height);
  const format = chooseEncoding({ hasAlpha: facts.translucentPixels > 0, isMask: o.kind === "mask", sourceFormat: o.sourceFormat, forcePng: o.forcePng });
  const { dataUrl, bytes } = await encodeCanvas(canvas, format);
  return {
    dataUrl,
    width,
    height,
    format,
    name: o.name,
    bytes,
    translucentPixels: facts.translucentPixels,
    nonBinaryPixels: facts.nonBinaryPixels,
    ...(o.sourceImageId ? { sourceImageId: o.sourceImageId } : {}),
  };
}
