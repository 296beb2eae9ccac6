import { lumaAt } from "@/lib/emulator/raster-blend";
import type { Raster } from "@/lib/emulator/raster";

/**
 * What a condition image contributes to TEXT_IMAGE: its edges (CANNY_EDGE) or its flat colour
 * regions (SEGMENTATION). Stand-ins for Canny and a segmenter that are cheap, deterministic and
 * easy to measure (tests correlate output edges with these).
 */

/** Sobel gradient magnitude (|gx| + |gy|) of the luma, 0 on the one-pixel border. */
export function sobelMagnitude(r: Raster): Uint16Array {
  const { width: w, height: h, data } = r;
  const luma = new Uint8Array(w * h);
  for (let p = 0, i = 0; p < luma.length; p++, i += 3) luma[p] = lumaAt(data, i);
  const mag = new Uint16Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1, p = y * w + 1; x < w - 1; x++, p++) {
      const a = luma[p - w - 1], b = luma[p - w], c = luma[p - w + 1];
      const d = luma[p - 1], f = luma[p + 1];
      const g = luma[p + w - 1], k = luma[p + w], l = luma[p + w + 1];
      const gx = c + 2 * f + l - a - 2 * d - g;
      const gy = g + 2 * k + l - a - 2 * b - c;
      mag[p] = Math.abs(gx) + Math.abs(gy);
    }
  }
  return mag;
}

/**
 * Edge pixels: magnitude at least max(48, the 90th percentile), so a busy photo keeps its
 * strongest tenth and a flat drawing keeps every real outline but no noise.
 */
export function edgeMap(r: Raster): Uint8Array {
  const mag = sobelMagnitude(r);
  const hist = new Uint32Array(2041);
  for (let p = 0; p < mag.length; p++) hist[mag[p]]++;
  let seen = 0, p90 = 0;
  for (let v = 0; v < hist.length; v++) {
    seen += hist[v];
    if (seen >= mag.length * 0.9) {
      p90 = v;
      break;
    }
  }
  const threshold = Math.max(48, p90);
  const edges = new Uint8Array(mag.length);
  for (let p = 0; p < mag.length; p++) edges[p] = mag[p] >= threshold ? 1 : 0;
  return edges;
}

/** Draws edge pixels as ink (black on light pixels, white on dark ones) with opacity `strength`. */
export function inkEdges(out: Raster, edges: Uint8Array, strength: number): void {
  const d = out.data;
  for (let p = 0, i = 0; p < edges.length; p++, i += 3) {
    if (!edges[p]) continue;
    const ink = lumaAt(d, i) > 100 ? 0 : 255;
    d[i] += (ink - d[i]) * strength;
    d[i + 1] += (ink - d[i + 1]) * strength;
    d[i + 2] += (ink - d[i + 2]) * strength;
  }
}

/** Flat regions: each channel cut to three levels (0, 128, 255), up to 27 region colours. */
export function segmentRegions(r: Raster): Raster {
  const lut = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) lut[v] = v < 85 ? 0 : v < 170 ? 128 : 255;
  const data = new Uint8ClampedArray(r.data.length);
  for (let i = 0; i < data.length; i++) data[i] = lut[r.data[i]];
  return { width: r.width, height: r.height, data };
}
