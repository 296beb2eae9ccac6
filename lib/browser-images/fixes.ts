/**
 * The one-click fixes. Each takes a value and returns a new one, re-measured; none changes
 * anything it was not asked to (padding fills only the new borders, so translucent pixels stay
 * translucent until the user flattens them, onto the colour they chose).
 */
import { context2d, createCanvas, type AnyCanvas } from "@/lib/browser-images/canvas";
import { dataUrlToBytes } from "@/lib/browser-images/data-url";
import { valueFromCanvas } from "@/lib/browser-images/encode";
import { cropPlacement, padBorders, padPlacement } from "@/lib/browser-images/geometry";
import type { ImageKind, ImageValue, Size } from "@/lib/browser-images/image-value";
import { decodeBitmap } from "@/lib/browser-images/load-image";
import { thresholdRgba } from "@/lib/browser-images/pixel-facts";
import type { ClientFix } from "@/lib/browser-images/problems";
import { FORMAT_MIME } from "@/lib/browser-images/sniff-format";
import { downscaleToFit as fitSize } from "@/lib/models";

export const DEFAULT_PAD_COLOUR = "#ffffff";

/** Decodes a value (its bytes carry no rotation: prepare.ts re-encodes rotated files). */
function decodeValue(v: ImageValue, kind: ImageKind): Promise<ImageBitmap> {
  // Decoded by hand rather than fetch(dataUrl), which a strict connect-src policy would block.
  const bytes = dataUrlToBytes(v.dataUrl);
  if (!bytes) return Promise.reject(new Error("The image data is not a base64 data URL."));
  return decodeBitmap(new Blob([bytes as BlobPart], { type: FORMAT_MIME[v.format as keyof typeof FORMAT_MIME] ?? "" }), kind);
}

async function redraw(v: ImageValue, kind: ImageKind, size: Size, draw: (ctx: ReturnType<typeof context2d>, bmp: ImageBitmap) => void, forcePng = false): Promise<ImageValue> {
  const bmp = await decodeValue(v, kind);
  try {
    const canvas: AnyCanvas = createCanvas(size.width, size.height);
    const ctx = context2d(canvas, { willReadFrequently: true });
    draw(ctx, bmp);
    return await valueFromCanvas(canvas, { name: v.name, kind, sourceFormat: v.format, forcePng, sourceImageId: v.sourceImageId });
  } finally {
    bmp.close();
  }
}

export async function downscaleToFit(v: ImageValue): Promise<ImageValue> {
  const size = fitSize(v.width, v.height);
  const bmp = await decodeValue(v, "image");
  try {
    let source: ImageBitmap = bmp;
    try {
      source = await createImageBitmap(bmp, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: "high" });
    } catch {
      // Falls back to the canvas's own smoothing below.
    }
    const canvas = createCanvas(size.width, size.height);
    const ctx = context2d(canvas, { willReadFrequently: true });
    ctx.imageSmoothingQuality = "high";
    ctx.drawImage(source, 0, 0, size.width, size.height);
    if (source !== bmp) source.close();
    return await valueFromCanvas(canvas, { name: v.name, kind: "image", sourceFormat: v.format, sourceImageId: v.sourceImageId });
  } finally {
    bmp.close();
  }
}

/** Adds centred borders of `colour` until the aspect ratio and the minimum side are within the rules. */
export function padTo(v: ImageValue, colour = DEFAULT_PAD_COLOUR): Promise<ImageValue> {
  const p = padPlacement(v.width, v.height);
  return redraw(v, "image", p, (ctx, bmp) => {
    ctx.fillStyle = colour;
    for (const r of padBorders(p, v.width, v.height)) ctx.fillRect(r.x, r.y, r.width, r.height);
    ctx.drawImage(bmp, p.dx, p.dy);
  });
}

/** Cuts the long side, centred, down to the 4:1 (or 1:4) limit. */
export function cropTo(v: ImageValue): Promise<ImageValue> {
  const c = cropPlacement(v.width, v.height);
  return redraw(v, "image", c, (ctx, bmp) => ctx.drawImage(bmp, c.sx, c.sy, c.width, c.height, 0, 0, c.width, c.height));
}

/** Composites the image over a solid colour: no pixel is translucent afterwards. */
export function flattenOnto(v: ImageValue, colour = DEFAULT_PAD_COLOUR): Promise<ImageValue> {
  return redraw(v, "image", v, (ctx, bmp) => {
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, v.width, v.height);
    ctx.drawImage(bmp, 0, 0);
  });
}

/** Re-encodes as an 8-bit PNG (WebP, GIF, 16-bit PNG…); pixels unchanged. */
export function convertToPng(v: ImageValue, kind: ImageKind = "image"): Promise<ImageValue> {
  return redraw(v, kind, v, (ctx, bmp) => ctx.drawImage(bmp, 0, 0), true);
}

/** Every pixel to opaque black or white at 50 % luminance: a mask the API accepts. */
export function thresholdMask(v: ImageValue): Promise<ImageValue> {
  return redraw(v, "mask", v, (ctx, bmp) => {
    ctx.drawImage(bmp, 0, 0);
    const data = ctx.getImageData(0, 0, v.width, v.height);
    thresholdRgba(data.data);
    ctx.putImageData(data, 0, 0);
  });
}

/** Scales a mask to the image's size without smoothing, so black stays black and white white. */
export function resizeMaskTo(v: ImageValue, size: Size): Promise<ImageValue> {
  return redraw(v, "mask", size, (ctx, bmp) => {
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(bmp, 0, 0, size.width, size.height);
  });
}

export interface FixOptions {
  kind?: ImageKind;
  /** Pad and flatten colour (default white). */
  colour?: string;
  /** For "match-size": the image's size. */
  matchSize?: Size | null;
}

export function applyFix(v: ImageValue, fix: ClientFix, o: FixOptions = {}): Promise<ImageValue> {
  switch (fix) {
    case "downscale":
      return downscaleToFit(v);
    case "pad":
      return padTo(v, o.colour);
    case "crop":
      return cropTo(v);
    case "flatten":
      return flattenOnto(v, o.colour);
    case "convert":
      return convertToPng(v, o.kind ?? "image");
    case "threshold":
      return thresholdMask(v);
    case "match-size":
      if (!o.matchSize) return Promise.reject(new Error("There is no image to match the mask to yet."));
      return resizeMaskTo(v, o.matchSize);
  }
}
