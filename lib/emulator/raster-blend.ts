import type { Mask } from "@/lib/emulator/mask";
import type { Rgb } from "@/lib/emulator/palette";
import { mulberry32 } from "@/lib/emulator/prng";
import { createRaster, type Raster } from "@/lib/emulator/raster";

/**
 * Pixel-wise mixing of whole rasters, used by every image-to-image renderer. Flat loops over
 * typed arrays; a 2048² raster is 12 million bytes.
 */

export function cloneRaster(r: Raster): Raster {
  return { width: r.width, height: r.height, data: new Uint8ClampedArray(r.data) };
}

/** dst ← dst + (src − dst) × t, everywhere. */
export function lerpInto(dst: Raster, src: Raster, t: number): void {
  const a = dst.data, b = src.data;
  for (let i = 0; i < a.length; i++) a[i] += (b[i] - a[i]) * t;
}

/** Mean of several same-size rasters. */
export function averageRasters(rs: Raster[]): Raster {
  const out = createRaster(rs[0].width, rs[0].height);
  const sum = new Uint32Array(out.data.length);
  for (const r of rs) for (let i = 0; i < sum.length; i++) sum[i] += r.data[i];
  for (let i = 0; i < sum.length; i++) out.data[i] = sum[i] / rs.length;
  return out;
}

/** dst ← src on edit pixels; kept pixels are not touched (not even rewritten). */
export function copyInside(dst: Raster, src: Raster, mask: Mask): void {
  const m = mask.data, a = dst.data, b = src.data;
  for (let p = 0, i = 0; p < m.length; p++, i += 3) {
    if (!m[p]) continue;
    a[i] = b[i];
    a[i + 1] = b[i + 1];
    a[i + 2] = b[i + 2];
  }
}

/**
 * Seeded luma grain on edit pixels only, from a small repeating tile (like addNoise): it makes
 * every seed's result differ even where the content itself would not (a flat fill, a plain garment).
 */
export function addGrainInside(r: Raster, mask: Mask, seed: number, amount: number): void {
  const TILE = 53;
  const rng = mulberry32(seed);
  const tile = new Int8Array(TILE * TILE);
  for (let i = 0; i < tile.length; i++) tile[i] = Math.round((rng() - 0.5) * 2 * amount);
  const { width, height, data } = r;
  for (let y = 0; y < height; y++) {
    const row = (y % TILE) * TILE;
    for (let x = 0, p = y * width, tx = 0; x < width; x++, p++) {
      if (mask.data[p]) {
        const n = tile[row + tx], i = p * 3;
        data[i] += n;
        data[i + 1] += n;
        data[i + 2] += n;
      }
      if (++tx === TILE) tx = 0;
    }
  }
}

export function lumaAt(d: Uint8ClampedArray, i: number): number {
  return (d[i] * 77 + d[i + 1] * 150 + d[i + 2] * 29) >> 8;
}

/**
 * The most common colours of a raster (4 bits per channel buckets over a sample of pixels,
 * each reported as its bucket's mean), most frequent first: lets generated content take the
 * palette of a source image.
 */
export function dominantColours(r: Raster, count: number): Rgb[] {
  const bins = new Map<number, [number, number, number, number]>();
  const step = Math.max(1, Math.floor(Math.sqrt((r.width * r.height) / 65536)));
  for (let y = 0; y < r.height; y += step) {
    for (let x = 0; x < r.width; x += step) {
      const i = (y * r.width + x) * 3, d = r.data;
      const key = ((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4);
      const b = bins.get(key) ?? [0, 0, 0, 0];
      b[0] += d[i];
      b[1] += d[i + 1];
      b[2] += d[i + 2];
      b[3]++;
      bins.set(key, b);
    }
  }
  return [...bins.entries()]
    .sort((a, b) => b[1][3] - a[1][3] || a[0] - b[0])
    .slice(0, count)
    .map(([, [sr, sg, sb, n]]) => [Math.round(sr / n), Math.round(sg / n), Math.round(sb / n)] as const);
}

/**
 * Every pixel becomes one palette colour chosen by the rank of its brightness: the darkest
 * 1/N of the pixels take the darkest palette colour, the next 1/N the next one, and so on
 * (whole brightness levels move together, so flat areas stay one colour). The picture's
 * light and shade survive as regions of the palette, and every colour gets its share.
 */
export function posterizeToPalette(r: Raster, palette: readonly Rgb[]): void {
  const byLuma = [...palette].map((c, k) => ({ c, k, y: c[0] * 77 + c[1] * 150 + c[2] * 29 })).sort((a, b) => a.y - b.y || a.k - b.k);
  const n = byLuma.length;
  const d = r.data;
  const hist = new Uint32Array(256);
  for (let i = 0; i < d.length; i += 3) hist[lumaAt(d, i)]++;
  const total = d.length / 3;
  const binOf = new Uint8Array(256);
  for (let v = 0, before = 0; v < 256; v++) {
    binOf[v] = Math.min(n - 1, Math.floor((n * (before + hist[v] / 2)) / total));
    before += hist[v];
  }
  for (let i = 0; i < d.length; i += 3) {
    const c = byLuma[binOf[lumaAt(d, i)]].c;
    d[i] = c[0];
    d[i + 1] = c[1];
    d[i + 2] = c[2];
  }
}
