import "server-only";
import { openUntrusted, withDecodeSlot } from "@/lib/images/decode-slots";

export const THUMB_MAX_SIDE = 384;

/**
 * Gallery thumbnail: WebP, EXIF orientation applied, longest side at most 384 px, never
 * enlarged. The source is decoded in a decode slot and refused beyond `maxPixels` (outputs come
 * from upstream and are not trusted); it throws on truncated or corrupt pixel data.
 */
export async function makeThumbnail(bytes: Uint8Array, maxPixels: number): Promise<Buffer> {
  return withDecodeSlot(() =>
    openUntrusted(bytes, maxPixels)
      .autoOrient()
      .resize({ width: THUMB_MAX_SIDE, height: THUMB_MAX_SIDE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer(),
  );
}
