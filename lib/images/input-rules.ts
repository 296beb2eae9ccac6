import "server-only";
import sharp, { type Metadata } from "sharp";
import { measureImage, measureMask } from "@/lib/images/measure";
import { inputImageProblems, maskProblems, type ImageFix, type ImageProblem } from "@/lib/models";

/**
 * The contract's input-image rules (gateway-contract.md §3) applied to bytes, in one call per
 * image: used by the offline engine for its 400s, and usable by any server code that has the
 * bytes. The rules and their wording are the shared ones of lib/models/image-rules.ts, and
 * the facts are measured by lib/images/measure.ts (sizes after EXIF orientation, translucent
 * pixels counted by a decode with a pixel limit), so the form, the API and the engine say
 * exactly the same thing. This module adds what a caller with raw bytes needs on top: a
 * verdict, what was read, an "unreadable" problem, and a stable code per problem.
 */
export type InputProblemCode =
  | "unreadable"
  | "format"
  | "bit_depth"
  | "too_small"
  | "too_large"
  | "aspect_ratio"
  | "too_many_pixels"
  | "transparency"
  | "mask_size"
  | "mask_not_binary";

export interface InputProblem {
  /** The field as the caller named it, e.g. "image", "images[2]", "mask_image". */
  field: string;
  code: InputProblemCode;
  /** Names the field and the limit; identical to the app's own message for the same problem. */
  message: string;
  /** The one-click fix the app offers for it, when there is one. */
  fix?: ImageFix;
}

export interface InputImageInfo {
  /** As sharp names it: png, jpeg, webp, gif, … */
  format: string;
  /** After EXIF orientation. */
  width: number;
  height: number;
  pixels: number;
  channels: number;
  /** An alpha channel is present (it may still be fully opaque). */
  hasAlpha: boolean;
  bitsPerChannel: number;
  /** EXIF orientation 1–8 (1 when absent). */
  orientation: number;
}

export interface InputCheck {
  ok: boolean;
  /** null when the bytes are not a readable image. */
  info: InputImageInfo | null;
  problems: InputProblem[];
}

/** Header reads only; the measurements decode with their own pixel limit. */
async function readHeader(bytes: Uint8Array): Promise<Metadata | null> {
  try {
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return null;
  }
}

function unreadable(field: string): InputCheck {
  // The app's own wording (lib/jobs/store-inputs.ts) for bytes it cannot decode.
  return { ok: false, info: null, problems: [{ field, code: "unreadable", message: `${field} is not a readable image (send a PNG or JPEG)` }] };
}

/**
 * The shared rules report a problem as a message and a fix; the code is read from the fix
 * (each fix covers at most two rules, told apart by their wording; the tests pin every case).
 */
function codeOf(p: ImageProblem): InputProblemCode {
  switch (p.fix) {
    case "convert":
      return /bits per channel/.test(p.message) ? "bit_depth" : "format";
    case "downscale":
      return /pixels \(got/.test(p.message) ? "too_many_pixels" : "too_large";
    case "pad":
    case "crop":
      return /aspect ratio/.test(p.message) ? "aspect_ratio" : "too_small";
    case "flatten":
      return "transparency";
    default:
      return /the size of/.test(p.message) ? "mask_size" : "mask_not_binary";
  }
}

const withCodes = (field: string, problems: ImageProblem[]): InputProblem[] =>
  problems.map((p) => ({ field, code: codeOf(p), message: p.message, ...(p.fix ? { fix: p.fix } : {}) }));

/**
 * Checks one input image (source, condition, reference or garment): PNG or JPEG, 8 bits per
 * channel, each side 320–4096 px, aspect between 1:4 and 4:1, at most 4,194,304 px, and no
 * pixel with alpha below 255.
 */
export async function checkInputImage(bytes: Uint8Array, field: string): Promise<InputCheck> {
  const meta = await readHeader(bytes);
  if (!meta?.width || !meta.height) return unreadable(field);
  let facts;
  try {
    facts = await measureImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return unreadable(field);
  }
  const info: InputImageInfo = {
    format: facts.format,
    width: facts.width,
    height: facts.height,
    pixels: facts.width * facts.height,
    channels: meta.channels ?? 3,
    hasAlpha: Boolean(meta.hasAlpha),
    bitsPerChannel: facts.bitsPerChannel ?? 8,
    orientation: meta.orientation ?? 1,
  };
  const problems = withCodes(field, inputImageProblems(field, facts));
  return { ok: problems.length === 0, info, problems };
}

export interface MaskCheckOptions {
  /** The mask's field (default "mask_image"). */
  field?: string;
  /** The image the mask belongs to, for the message (default "image"). */
  imageField?: string;
}

/**
 * Checks a mask against its image: exactly the image's size (after orientation), and every
 * pixel pure black (0,0,0) or pure white (255,255,255) once alpha is dropped.
 */
export async function checkMask(
  maskBytes: Uint8Array,
  imageInfo: { width: number; height: number },
  opts: MaskCheckOptions = {},
): Promise<InputCheck> {
  const field = opts.field ?? "mask_image";
  const meta = await readHeader(maskBytes);
  if (!meta?.width || !meta.height) return unreadable(field);
  let facts;
  try {
    facts = await measureMask(Buffer.from(maskBytes.buffer, maskBytes.byteOffset, maskBytes.byteLength));
  } catch {
    return unreadable(field);
  }
  const info: InputImageInfo = {
    format: String(meta.format),
    width: facts.width,
    height: facts.height,
    pixels: facts.width * facts.height,
    channels: meta.channels ?? 3,
    hasAlpha: Boolean(meta.hasAlpha),
    bitsPerChannel: meta.isPalette ? 8 : (meta.bitsPerSample ?? 8),
    orientation: meta.orientation ?? 1,
  };
  const problems = withCodes(field, maskProblems(field, facts, imageInfo, opts.imageField ?? "image"));
  return { ok: problems.length === 0, info, problems };
}
