import "server-only";
import sharp from "sharp";

/**
 * Applies EXIF orientation once, to the pixels, and drops the tag, so the image looks the same
 * to every consumer (the gateway, the offline engine, the mask editor) and can never be rotated
 * twice. The browser does the same when it decodes with `imageOrientation: "from-image"` and
 * re-encodes through a canvas. Images without a rotation tag are returned untouched (same
 * bytes, same content hash).
 */
export async function applyOrientation(bytes: Buffer): Promise<{ bytes: Buffer; changed: boolean }> {
  const meta = await sharp(bytes).metadata();
  const orientation = meta.orientation ?? 1;
  if (orientation === 1) return { bytes, changed: false };
  const rotated = sharp(bytes).rotate();
  const out = meta.format === "jpeg" ? rotated.jpeg({ quality: 95 }) : rotated.png();
  return { bytes: await out.toBuffer(), changed: true };
}
