import "server-only";
import { openUntrusted, withDecodeSlot } from "@/lib/images/decode-slots";
import { readImageHeader } from "@/lib/images/read-header";
import { INPUT_IMAGE_LIMITS } from "@/lib/models";

/**
 * Applies EXIF orientation once, to the pixels, and drops the tag, so the image looks the same
 * to every consumer (the gateway, the offline engine, the mask editor) and can never be rotated
 * twice. The browser does the same when it decodes with `imageOrientation: "from-image"` and
 * re-encodes through a canvas. Images without a rotation tag are returned untouched (same
 * bytes, same content hash). Called on inputs that passed the input rules, so the decode is
 * within the contract's pixel limit; the limit is applied again here, in a decode slot.
 */
export async function applyOrientation(
  bytes: Buffer,
  maxPixels: number = INPUT_IMAGE_LIMITS.maxPixels,
): Promise<{ bytes: Buffer; changed: boolean }> {
  const header = await readImageHeader(bytes);
  if (!header) throw new Error("not a readable image");
  if (header.orientation === 1) return { bytes, changed: false };
  const rotated = await withDecodeSlot(() => {
    const upright = openUntrusted(bytes, maxPixels).autoOrient();
    return (header.format === "jpeg" ? upright.jpeg({ quality: 95 }) : upright.png()).toBuffer();
  });
  return { bytes: rotated, changed: true };
}
