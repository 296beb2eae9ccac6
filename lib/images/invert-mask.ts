import "server-only";
import sharp from "sharp";

/**
 * The pixel half of the mask polarity adapter: black becomes white and white black, at the same
 * size and channel layout, as PNG. An alpha channel is kept as it is (only colour is flipped).
 * Which polarity a model wants is decided by its model definition, not here.
 */
export async function invertMask(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes).negate({ alpha: false }).png().toBuffer();
}
