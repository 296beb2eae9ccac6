import type { Sharp } from "sharp";
import { openUntrusted, withDecodeSlot } from "@/lib/images/decode-slots";
import type { Mask } from "@/lib/emulator/mask";
import type { Raster } from "@/lib/emulator/raster";
import { INPUT_IMAGE_LIMITS } from "@/lib/models";

/**
 * Input bytes → the engine's RGB rasters and masks. Inputs were checked at submit (format,
 * size, opacity, a complete decode), so these only decode: EXIF orientation applied (the size
 * the checks measured), alpha dropped (it is all 255), any colour space to sRGB, 8 bits. Each
 * decode still takes a decode slot and the contract's pixel limit (lib/images/decode-slots.ts),
 * like every decode of bytes a client sent.
 */
function open(bytes: Buffer): Sharp {
  return openUntrusted(bytes, INPUT_IMAGE_LIMITS.maxPixels).autoOrient();
}

async function toRaster(img: Sharp): Promise<Raster> {
  const { data, info } = await withDecodeSlot(() =>
    img.removeAlpha().toColourspace("srgb").raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true }),
  );
  if (info.channels !== 3) throw new Error(`expected 3 channels after decoding, got ${info.channels}`);
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

export function decodeRaster(bytes: Buffer): Promise<Raster> {
  return toRaster(open(bytes));
}

export interface CoverCrop {
  /** ≥ 1: how much larger than the target the image is scaled before cropping. */
  zoom: number;
  /** 0..1: where the crop window sits within the slack (0.5 = centred). */
  fx: number;
  fy: number;
}

/**
 * Scales to cover width × height (aspect kept, excess cropped). With `crop`, the image is
 * scaled `zoom` times larger and the window moved by fx/fy: a seed can shift a garment's
 * pattern without changing which pixels the garment covers.
 */
export async function decodeCover(bytes: Buffer, width: number, height: number, crop?: CoverCrop): Promise<Raster> {
  if (!crop || crop.zoom <= 1) return toRaster(open(bytes).resize(width, height, { fit: "cover", kernel: "lanczos3" }));
  const bigW = Math.ceil(width * crop.zoom), bigH = Math.ceil(height * crop.zoom);
  const left = Math.round((bigW - width) * crop.fx), top = Math.round((bigH - height) * crop.fy);
  const img = open(bytes).resize(bigW, bigH, { fit: "cover", kernel: "lanczos3" }).extract({ left, top, width, height });
  return toRaster(img);
}

/**
 * A mask image → edit bits. The provider's polarity decides which colour means "edit"
 * (`whiteIsEdit`); masks were checked to be pure black and white, so ≥ 128 is white.
 */
export async function decodeMaskImage(bytes: Buffer, whiteIsEdit: boolean): Promise<Mask> {
  const { data, info } = await withDecodeSlot(() =>
    open(bytes).removeAlpha().greyscale().raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true }),
  );
  const bits = new Uint8Array(info.width * info.height);
  const ch = info.channels;
  for (let p = 0, i = 0; p < bits.length; p++, i += ch) bits[p] = data[i] >= 128 === whiteIsEdit ? 1 : 0;
  return { width: info.width, height: info.height, data: bits };
}
