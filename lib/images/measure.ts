import "server-only";
import { openUntrusted, withDecodeSlot } from "@/lib/images/decode-slots";
import { headerFacts, type ImageHeader } from "@/lib/images/read-header";
import { INPUT_IMAGE_LIMITS, type ImageFacts, type MaskFacts } from "@/lib/models";

/**
 * Facts about an image for the contract's rules in `lib/models/image-rules.ts` that need its
 * pixels, measured with sharp. (The browser measures the same facts with a canvas; the rules and
 * their messages are shared, so the form and the API say the same thing.) Callers read the
 * header first and call these only when `isSafeToDecode` says the decode is bounded; the
 * decode runs in a decode slot, within the contract's pixel limit, and throws on truncated or
 * corrupt pixel data, so these double as the check that an image decodes completely.
 */

const MAX_PIXELS = INPUT_IMAGE_LIMITS.maxPixels;

/** The header's facts plus the translucent pixels, counted by decoding the whole image. */
export async function measureImage(bytes: Uint8Array, header: ImageHeader): Promise<ImageFacts> {
  const translucentPixels = await withDecodeSlot(async () => {
    const image = openUntrusted(bytes, MAX_PIXELS);
    if (!header.hasAlpha) {
      // Nothing to count, but every pixel is still decoded (into one byte each): this is what
      // finds a file cut short.
      await image.extractChannel(0).raw({ depth: "uchar" }).toBuffer();
      return 0;
    }
    const { data, info } = await image.ensureAlpha().raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true });
    let count = 0;
    for (let i = info.channels - 1; i < data.length; i += info.channels) if (data[i] < 255) count++;
    return count;
  });
  return { ...headerFacts(header), translucentPixels };
}

/** Size after orientation and the pixels that are neither pure black nor pure white (alpha dropped). */
export async function measureMask(bytes: Uint8Array): Promise<MaskFacts> {
  const { data, info } = await withDecodeSlot(() =>
    openUntrusted(bytes, MAX_PIXELS).autoOrient().removeAlpha().raw({ depth: "uchar" }).toBuffer({ resolveWithObject: true }),
  );
  let nonBinaryPixels = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const v = data[i];
    let binary = v === 0 || v === 255;
    for (let c = 1; c < info.channels && binary; c++) binary = data[i + c] === v;
    if (!binary) nonBinaryPixels++;
  }
  return { width: info.width, height: info.height, nonBinaryPixels };
}
