import "server-only";
import sharp from "sharp";

export const THUMB_MAX_SIDE = 384;

/** Gallery thumbnail: WebP, EXIF orientation applied, longest side at most 384 px, never enlarged. */
export async function makeThumbnail(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes)
    .autoOrient()
    .resize({ width: THUMB_MAX_SIDE, height: THUMB_MAX_SIDE, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}
