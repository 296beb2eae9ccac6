/**
 * Export helpers. The app always paints white = change, and the browser always uploads the mask
 * that way (lib/mask-editor/export-mask.ts: `toRgba(mask, APP_MASK_POLARITY)`). The provider's
 * polarity is not applied here: the server applies it, once, just before the bytes go upstream
 * (lib/jobs/store-inputs.ts, `maskNeedsInversion` → `invertMask`), so the stored strokes, the
 * stored input and the on-screen overlay never depend on which task is selected.
 * `toRgbaForTask` only previews what will be sent (the editor's "sent mask" view).
 */
import { maskNeedsInversion, type MaskPolarity } from "@/lib/models/mask-polarity";
import type { TaskType } from "@/lib/models/task-types";
import type { MaskBitmap } from "@/lib/canvas/types";

/**
 * Opaque greyscale RGBA (R = G = B, A = 255), ready for ImageData or a PNG encoder. The output is
 * exactly width × height × 4 bytes: the mask's size is the source image's, never the screen's.
 */
export function toRgba(mask: MaskBitmap, polarity: MaskPolarity): Uint8ClampedArray<ArrayBuffer> {
  const flip = polarity === "black-edit" ? 255 : 0;
  const out = new Uint8ClampedArray(mask.width * mask.height * 4);
  // One 32-bit write per pixel (opaque white or opaque black, the same bytes in either byte
  // order): several times faster than four byte writes on a 4-megapixel mask.
  const px = new Uint32Array(out.buffer);
  const black = new Uint32Array(new Uint8Array([0, 0, 0, 255]).buffer)[0];
  // A lookup by byte instead of a branch: masks have long runs of both values, but a
  // branch-free loop is as fast on a checkerboard as on a blank mask.
  const lut = new Uint32Array(256).fill(black);
  lut[255 ^ flip] = 0xffffffff;
  const src = mask.data;
  for (let i = 0; i < src.length; i++) px[i] = lut[src[i]];
  return out;
}

/** `toRgba` with the polarity the model reads for the task: a preview of the bytes the server will send. */
export function toRgbaForTask(
  mask: MaskBitmap,
  taskType: TaskType,
  polarity: Partial<Record<TaskType, MaskPolarity>>,
): Uint8ClampedArray<ArrayBuffer> {
  return toRgba(mask, maskNeedsInversion(taskType, polarity) ? "black-edit" : "white-edit");
}

export interface MaskStats {
  /** Pixels marked "change" (255) in the app's polarity. */
  white: number;
  total: number;
  empty: boolean;
  full: boolean;
}

/** No white pixel at all (a native scan: cheaper than counting when only emptiness matters). */
export function isEmptyMask(mask: MaskBitmap): boolean {
  return mask.data.indexOf(255) < 0;
}

export function maskStats(mask: MaskBitmap): MaskStats {
  let white = 0;
  for (let i = 0; i < mask.data.length; i++) if (mask.data[i] === 255) white++;
  const total = mask.data.length;
  return { white, total, empty: white === 0, full: white === total };
}
