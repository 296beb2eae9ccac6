import "server-only";
import { openUntrusted, withDecodeSlot } from "@/lib/images/decode-slots";
import { readImageHeader } from "@/lib/images/read-header";
import { INPUT_IMAGE_LIMITS } from "@/lib/models";

/**
 * The pixel half of the mask polarity adapter: black becomes white and white black, at the same
 * size and channel layout, as PNG. An alpha channel is kept as it is (only colour is flipped).
 * Which polarity a model wants is decided by its model definition, not here. Masks reach this
 * after the input rules (so within the contract's pixel limit, which is applied again).
 */
export async function invertMask(bytes: Uint8Array): Promise<Buffer> {
  const header = await readImageHeader(bytes);
  const grey = header !== null && header.channels <= 2;
  return withDecodeSlot(() => {
    const inverted = openUntrusted(bytes, INPUT_IMAGE_LIMITS.maxPixels).negate({ alpha: false });
    // sharp writes sRGB unless told otherwise; a greyscale mask should stay greyscale.
    if (grey) inverted.toColourspace("b-w");
    return inverted.png().toBuffer();
  });
}
