/**
 * The contract's rules for input images (gateway-contract.md §3) as pure functions over facts
 * about an image. The browser (canvas) and the server and offline engine (sharp) measure the
 * facts their own way, then call these, so the form and the API say exactly the same thing.
 */
import type { FieldError } from "@/lib/errors";

export const INPUT_IMAGE_LIMITS = {
  minSide: 320,
  maxSide: 4096,
  maxPixels: 4_194_304,
  /** Long side ÷ short side at most 4 (1:4 … 4:1). */
  maxAspect: 4,
  formats: ["png", "jpeg"] as const,
} as const;

export interface ImageFacts {
  width: number;
  height: number;
  /** "png", "jpeg", "webp", … as detected from the bytes. */
  format: string;
  bitsPerChannel?: number;
  /** Pixels with alpha below 255 (0 when the image has no alpha channel). */
  translucentPixels?: number;
}

export type ImageFix = "downscale" | "pad" | "crop" | "flatten" | "convert";

export interface ImageProblem extends FieldError {
  /** The one-click fix that resolves it, when there is one. */
  fix?: ImageFix;
}

const fmt = (n: number) => n.toLocaleString("en-US");

export function inputImageProblems(field: string, f: ImageFacts): ImageProblem[] {
  const L = INPUT_IMAGE_LIMITS;
  const out: ImageProblem[] = [];
  if (!(L.formats as readonly string[]).includes(f.format)) {
    out.push({ field, message: `${field} must be PNG or JPEG (got ${f.format.toUpperCase()})`, fix: "convert" });
  }
  if (f.bitsPerChannel !== undefined && f.bitsPerChannel !== 8) {
    out.push({ field, message: `${field} must have 8 bits per channel (got ${f.bitsPerChannel})`, fix: "convert" });
  }
  const long = Math.max(f.width, f.height);
  const short = Math.min(f.width, f.height);
  if (long > L.maxSide) {
    out.push({ field, message: `${field} sides must be at most ${L.maxSide} px (got ${f.width}×${f.height})`, fix: "downscale" });
  } else if (f.width * f.height > L.maxPixels) {
    out.push({
      field,
      message: `${field} must have at most ${fmt(L.maxPixels)} pixels (got ${fmt(f.width * f.height)})`,
      fix: "downscale",
    });
  }
  if (long / short > L.maxAspect) {
    out.push({
      field,
      message: `${field} aspect ratio must be between 1:4 and 4:1 (got ${f.width}×${f.height}, ${(long / short).toFixed(2)}:1)`,
      fix: "pad",
    });
  } else if (short < L.minSide) {
    out.push({ field, message: `${field} sides must be at least ${L.minSide} px (got ${f.width}×${f.height})`, fix: "pad" });
  }
  if ((f.translucentPixels ?? 0) > 0) {
    out.push({
      field,
      message: `${field} has ${fmt(f.translucentPixels!)} transparent or translucent pixels; flatten it onto a colour first`,
      fix: "flatten",
    });
  }
  return out;
}

export interface MaskFacts {
  width: number;
  height: number;
  /** Pixels that are neither pure black nor pure white. */
  nonBinaryPixels: number;
}

export function maskProblems(field: string, mask: MaskFacts, image: { width: number; height: number }, imageField = "image"): ImageProblem[] {
  const out: ImageProblem[] = [];
  if (mask.width !== image.width || mask.height !== image.height) {
    out.push({
      field,
      message: `${field} must be exactly ${image.width}×${image.height}, the size of ${imageField} (got ${mask.width}×${mask.height})`,
    });
  }
  if (mask.nonBinaryPixels > 0) {
    out.push({
      field,
      message: `${field} must be pure black and white (${fmt(mask.nonBinaryPixels)} pixels are neither)`,
    });
  }
  return out;
}

/** The largest size within every limit with the same aspect ratio (for "downscale to fit"). */
export function downscaleToFit(width: number, height: number): { width: number; height: number } {
  const L = INPUT_IMAGE_LIMITS;
  const scale = Math.min(1, L.maxSide / Math.max(width, height), Math.sqrt(L.maxPixels / (width * height)));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

/**
 * The canvas size that makes an image valid by padding (adds borders) or cropping (cuts the
 * long side): aspect brought within 1:4…4:1 and sides to at least 320 px.
 */
export function resizeCanvasFor(width: number, height: number, mode: "pad" | "crop"): { width: number; height: number } {
  const L = INPUT_IMAGE_LIMITS;
  let w = width;
  let h = height;
  if (mode === "pad") {
    if (w / h > L.maxAspect) h = Math.ceil(w / L.maxAspect);
    if (h / w > L.maxAspect) w = Math.ceil(h / L.maxAspect);
    w = Math.max(w, L.minSide);
    h = Math.max(h, L.minSide);
  } else {
    if (w / h > L.maxAspect) w = Math.floor(h * L.maxAspect);
    if (h / w > L.maxAspect) h = Math.floor(w * L.maxAspect);
  }
  return { width: w, height: h };
}
