/**
 * The upload policy: a picked, dropped, pasted or fetched image becomes an ImageValue.
 *
 * - Larger than the limits (a 6000×4000 camera JPEG): downscaled here, before upload, and the
 *   user is told ("Downscaled from 6000×4000 to 2508×1672 to fit the 4,194,304-pixel limit").
 *   Nothing is lost that the API would have kept, and a 20 MB request is avoided.
 * - An EXIF-rotated photo: re-encoded upright (see load-image.ts), also with a notice.
 * - Everything else that breaks a rule is left as it is and reported by `imageIssues` with its
 *   one-click fix; the user decides (padding vs cropping, which colour to flatten onto).
 * - A valid PNG or JPEG is sent byte for byte as it was read.
 *
 * Masks are never resized on upload: their size must equal the image's, checked separately.
 */
import { context2d, createCanvas, scanPixels } from "@/lib/browser-images/canvas";
import { bytesToDataUrl } from "@/lib/browser-images/data-url";
import { valueFromCanvas } from "@/lib/browser-images/encode";
import { autoDownscaleSize, downscaleNotice } from "@/lib/browser-images/geometry";
import type { ImageKind, ImageValue, Size } from "@/lib/browser-images/image-value";
import { decodeImage, type DecodedImage } from "@/lib/browser-images/load-image";
import { imageIssues, type ImageIssue } from "@/lib/browser-images/problems";
import { FORMAT_MIME } from "@/lib/browser-images/sniff-format";

export interface PrepareOptions {
  /** What to call it in the UI: file name, "pasted image", the URL… */
  name: string;
  kind?: ImageKind;
  /** Lineage when the image is one of our gallery results. */
  sourceImageId?: string;
  /** For the returned issues: the request field and, for masks, the image size to match. */
  field?: string;
  matchSize?: Size | null;
}

export interface PreparedImage {
  value: ImageValue;
  /** What was changed automatically, to show the user ("Downscaled from …"). */
  notices: string[];
  /** What still breaks a rule, each with its fixes (same as `imageIssues(value, …)`). */
  issues: ImageIssue[];
}

/** Draws the upright bitmap at `size` (high-quality resampling when it shrinks). */
async function drawUpright(d: DecodedImage, size: Size) {
  let source: ImageBitmap = d.bitmap;
  let resized: ImageBitmap | null = null;
  if (size.width !== d.width || size.height !== d.height) {
    try {
      // The browser's own resampler (mipmapped / Lanczos-like) beats one drawImage step.
      resized = await createImageBitmap(d.bitmap, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: "high" });
      source = resized;
    } catch {
      resized = null;
    }
  }
  const canvas = createCanvas(size.width, size.height);
  const ctx = context2d(canvas, { willReadFrequently: true });
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(source, 0, 0, size.width, size.height);
  resized?.close();
  return canvas;
}

export async function prepareImage(blob: Blob, o: PrepareOptions): Promise<PreparedImage> {
  const kind = o.kind ?? "image";
  const d = await decodeImage(blob, kind);
  try {
    const notices: string[] = [];
    const from = { width: d.width, height: d.height };
    const target = kind === "image" ? autoDownscaleSize(d.width, d.height) : null;
    const rotated = d.header.orientation !== 1;
    let value: ImageValue;
    if (target || rotated) {
      const canvas = await drawUpright(d, target ?? from);
      value = await valueFromCanvas(canvas, { name: o.name, kind, sourceFormat: d.header.format, sourceImageId: o.sourceImageId });
      if (target) notices.push(downscaleNotice(from, target) + (value.format !== d.header.format ? ` (saved as ${value.format.toUpperCase()})` : ""));
      if (rotated) notices.push("Turned upright as the photo's EXIF orientation says, and saved without the tag");
    } else {
      const facts = scanPixels(d.bitmap, d.width, d.height);
      const format = d.header.format;
      value = {
        dataUrl: bytesToDataUrl(d.bytes, FORMAT_MIME[format as keyof typeof FORMAT_MIME] ?? "application/octet-stream"),
        width: d.width,
        height: d.height,
        format,
        name: o.name,
        bytes: d.bytes.length,
        translucentPixels: facts.translucentPixels,
        nonBinaryPixels: facts.nonBinaryPixels,
        ...(o.sourceImageId ? { sourceImageId: o.sourceImageId } : {}),
        ...(d.header.bitsPerChannel !== undefined ? { bitsPerChannel: d.header.bitsPerChannel } : {}),
      };
    }
    const issues = imageIssues(value, { field: o.field ?? (kind === "mask" ? "mask_image" : "image"), kind, matchSize: o.matchSize });
    return { value, notices, issues };
  } finally {
    d.bitmap.close();
  }
}
