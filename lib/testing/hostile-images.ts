import sharp from "sharp";

/**
 * Images an attacker would send, made with sharp, for the unit tests, the security e2e suite
 * and bench/hostile-image.ts. Flat colour compresses to almost nothing, so each is small on the
 * wire and huge once decoded.
 */

/**
 * A flat JPEG of `side`×`side` px tagged with EXIF orientation 6 (rotate 90° to display): about
 * 0.85 MB at 12000 px, 432 MB of pixels, and rotating it needs a second copy. Slow to make
 * (seconds at 12000 px): make it once per run.
 */
export function exifBombJpeg(side = 12_000): Promise<Buffer> {
  return sharp({ create: { width: side, height: side, channels: 3, background: "#7f7f7f" }, limitInputPixels: false })
    .jpeg({ quality: 50 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A flat PNG (a decompression bomb at 20000 px: 1.2 MB on the wire, 1.2 GB of RGB pixels). */
export function flatPngBomb(width: number, height = width, channels: 3 | 4 = 3): Promise<Buffer> {
  const background = channels === 4 ? { r: 127, g: 127, b: 127, alpha: 0.5 } : "#7f7f7f";
  return sharp({ create: { width, height, channels, background }, limitInputPixels: false }).png({ compressionLevel: 9 }).toBuffer();
}

/**
 * A noisy (incompressible) RGB PNG or JPEG, cut to `keep` of its bytes: the header is intact, so
 * the size reads fine, and the pixel data ends early.
 */
export async function truncatedImage(format: "png" | "jpeg", width = 640, height = 480, keep = 0.6): Promise<Buffer> {
  const whole = await noisyImage(format, width, height);
  return whole.subarray(0, Math.floor(whole.length * keep));
}

/** The same image as `truncatedImage`, whole. */
export function noisyImage(format: "png" | "jpeg", width = 640, height = 480): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let x = 0x9e3779b9;
  for (let i = 0; i < raw.length; i++) {
    // xorshift32: deterministic noise, so a failure reproduces byte for byte.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    raw[i] = x & 0xff;
  }
  const img = sharp(raw, { raw: { width, height, channels: 3 } });
  return (format === "png" ? img.png() : img.jpeg({ quality: 90 })).toBuffer();
}
