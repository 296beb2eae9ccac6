import sharp from "sharp";
import type { Raster } from "@/lib/emulator/raster";

/**
 * The only place pixels become a file. Options are pinned (no adaptive filtering, fixed
 * compression, no metadata) because byte-identical output for the same request is part of the
 * engine's contract.
 */
export async function encodePng(r: Raster): Promise<Buffer> {
  const pixels = Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength);
  return sharp(pixels, { raw: { width: r.width, height: r.height, channels: 3 } })
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}
