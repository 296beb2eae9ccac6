/**
 * The value of an image field in the browser: the bytes that get sent (as a data URL) plus the
 * facts the contract's rules need, measured once when the image is read so that validation is
 * a pure function of this object (see `imageIssues`).
 */
import type { ImageFacts, MaskFacts } from "@/lib/models";

export interface ImageValue {
  /** data:image/png;base64,… or data:image/jpeg;base64,… — what gets sent in the request. */
  dataUrl: string;
  width: number;
  height: number;
  /** "png" | "jpeg" | other detected format */
  format: string;
  /** File name or "pasted image" / "gallery image" / URL. */
  name: string;
  /** Size of the encoded data (the decoded bytes, not the base64 text). */
  bytes: number;
  /** Facts for the rules: translucent pixel count (0 if none), for masks non-binary pixel count. */
  translucentPixels: number;
  nonBinaryPixels: number;
  /** When picked from our gallery: lineage. */
  sourceImageId?: string;
  /**
   * Bits per colour channel as the file declares it (16-bit PNG, 12-bit JPEG break the 8-bit
   * rule). Optional: absent means "8 or unknown", and every value we encode ourselves is 8.
   */
  bitsPerChannel?: number;
}

export type ImageKind = "image" | "mask";

export interface Size {
  width: number;
  height: number;
}

/** The facts `inputImageProblems` takes. */
export function imageFactsOf(v: ImageValue): ImageFacts {
  return {
    width: v.width,
    height: v.height,
    format: v.format,
    bitsPerChannel: v.bitsPerChannel,
    translucentPixels: v.translucentPixels,
  };
}

/** The facts `maskProblems` takes. */
export function maskFactsOf(v: ImageValue): MaskFacts {
  return { width: v.width, height: v.height, nonBinaryPixels: v.nonBinaryPixels };
}
