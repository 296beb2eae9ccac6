import "server-only";
import sharp from "sharp";

/**
 * The pixel half of the mask polarity adapter: black becomes white and white black, at the same
 * size and channel layout, as PNG. An alpha channel is kept as it is (only colour is flipped).
 * Which polarity a model wants is decided by its model definition, not here.
 */
export async function invertMask(bytes: Uint8Array): Promise<Buffer> {
  const image = sharp(bytes);
  const { space } = await image.metadata();
  const inverted = image.negate({ alpha: false });
  // sharp writes sRGB unless told otherwise; a greyscale mask should stay greyscale.
  if (space === "b-w" || space === "grey16") inverted.toColourspace("b-w");
  return inverted.png().toBuffer();
}
