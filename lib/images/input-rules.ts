import "server-only";
import { measureImage, measureMask } from "@/lib/images/measure";
import { headerFacts, isSafeToDecode, readImageHeader, type ImageHeader } from "@/lib/images/read-header";
import { inputImageProblems, maskProblems, type ImageFix, type ImageProblem } from "@/lib/models";

/**
 * The contract's input-image rules (gateway-contract.md §3) applied to bytes, in one call per
 * image: the app's check at submit (lib/jobs/store-inputs.ts, its 422s) and the offline
 * engine's (its 400s). The rules and their wording are the shared ones of lib/models/image-rules.ts, and
 * the facts are measured by lib/images (sizes from the header, after EXIF orientation;
 * translucent and non-binary pixels by a decode), so the form, the API and the engine say
 * exactly the same thing. This module adds what a caller with raw bytes needs on top: a
 * verdict, what was read, "unreadable" and "corrupt" problems, and a stable code per problem.
 *
 * The header is read first and an image is decoded only when its header is within the
 * contract's size limits (`isSafeToDecode`): an oversized image is refused from its header
 * with the shared size message, whatever its pixels hold. The decode reads every pixel, so a
 * truncated or corrupt PNG or JPEG is refused here ("corrupt") rather than failing later,
 * after it was stored or sent upstream.
 */
export type InputProblemCode =
  | "unreadable"
  | "corrupt"
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

function unreadable(field: string): InputCheck {
  return { ok: false, info: null, problems: [{ field, code: "unreadable", message: `${field} is not a readable image (send a PNG or JPEG)` }] };
}

/** The header is fine but the pixels do not decode to the end: a file cut short or damaged. */
function corrupt(field: string): InputProblem {
  return {
    field,
    code: "corrupt",
    message: `${field} is truncated or corrupt: its pixel data does not decode to the end (send the complete PNG or JPEG file)`,
  };
}

function infoOf(h: ImageHeader): InputImageInfo {
  return {
    format: h.format,
    width: h.width,
    height: h.height,
    pixels: h.width * h.height,
    channels: h.channels,
    hasAlpha: h.hasAlpha,
    bitsPerChannel: h.bitsPerChannel,
    orientation: h.orientation,
  };
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
  const header = await readImageHeader(bytes);
  if (!header) return unreadable(field);
  let facts = headerFacts(header);
  let damaged = false;
  if (isSafeToDecode(header)) {
    try {
      facts = await measureImage(bytes, header);
    } catch {
      damaged = true;
    }
  }
  const problems = withCodes(field, inputImageProblems(field, facts));
  if (damaged) problems.push(corrupt(field));
  return { ok: problems.length === 0, info: infoOf(header), problems };
}

export interface MaskCheckOptions {
  /** The mask's field (default "mask_image"). */
  field?: string;
  /** The image the mask belongs to, for the message (default "image"). */
  imageField?: string;
}

/**
 * Checks a mask against its image: exactly the image's size (after orientation), and every
 * pixel pure black (0,0,0) or pure white (255,255,255) once alpha is dropped. `imageInfo` null:
 * no image to compare with (its bytes are elsewhere), so only the pixel rules apply. A mask
 * over the contract's size limits cannot match a valid image and is refused from its header.
 */
export async function checkMask(
  maskBytes: Uint8Array,
  imageInfo: { width: number; height: number } | null,
  opts: MaskCheckOptions = {},
): Promise<InputCheck> {
  const field = opts.field ?? "mask_image";
  const header = await readImageHeader(maskBytes);
  if (!header) return unreadable(field);
  const problems: InputProblem[] = [];
  let facts = { width: header.width, height: header.height, nonBinaryPixels: 0 };
  if (isSafeToDecode(header)) {
    try {
      facts = await measureMask(maskBytes);
    } catch {
      problems.push(corrupt(field));
    }
  } else {
    const tooBig = withCodes(field, inputImageProblems(field, headerFacts(header)));
    problems.push(...tooBig.filter((p) => p.code === "too_large" || p.code === "too_many_pixels"));
  }
  const against = imageInfo ?? { width: facts.width, height: facts.height };
  problems.unshift(...withCodes(field, maskProblems(field, facts, against, opts.imageField ?? "image")));
  return { ok: problems.length === 0, info: infoOf(header), problems };
}
