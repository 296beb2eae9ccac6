import type { Raster } from "@/lib/emulator/raster";
import type { Rng } from "@/lib/emulator/prng";

/**
 * Whole-image passes. Each is O(pixels) with lookup tables or running sums, never a closure
 * per pixel, because a large output is 4 million pixels.
 */

/** Contrast around mid-grey through a 256-entry table; factor 1 leaves the image unchanged. */
export function adjustContrast(r: Raster, factor: number): void {
  if (factor === 1) return;
  const lut = new Uint8ClampedArray(256);
  for (let v = 0; v < 256; v++) lut[v] = 128 + (v - 128) * factor;
  applyLut(r, lut);
}

/** Reduces each channel to `levels` steps: the inked, printed look of comics. */
export function posterize(r: Raster, levels: number): void {
  const lut = new Uint8ClampedArray(256);
  const step = 255 / (levels - 1);
  for (let v = 0; v < 256; v++) lut[v] = Math.round(v / step) * step;
  applyLut(r, lut);
}

function applyLut(r: Raster, lut: Uint8ClampedArray): void {
  const d = r.data;
  for (let i = 0; i < d.length; i++) d[i] = lut[d[i]];
}

/**
 * Luma grain (the photo look) from a small seeded tile repeated over the image: per-pixel
 * randomness would make a 2048² PNG several megabytes and slow to encode, while a repeating
 * tile compresses and still reads as grain. The tile side is odd so it never lines up with shapes.
 */
const GRAIN_TILE = 61;

export function addNoise(r: Raster, rng: Rng, amount: number): void {
  const tile = new Float32Array(GRAIN_TILE * GRAIN_TILE);
  for (let i = 0; i < tile.length; i++) tile[i] = Math.round((rng() - 0.5) * amount);
  const { width, height, data } = r;
  for (let y = 0; y < height; y++) {
    const row = (y % GRAIN_TILE) * GRAIN_TILE;
    for (let x = 0, i = y * width * 3, tx = 0; x < width; x++, i += 3) {
      const n = tile[row + tx];
      data[i] += n;
      data[i + 1] += n;
      data[i + 2] += n;
      if (++tx === GRAIN_TILE) tx = 0;
    }
  }
}

/**
 * Separable box blur with running sums; two passes approximate a Gaussian. Both directions
 * walk memory row by row (the vertical pass keeps one running sum per column) because a
 * column-wise walk over a 12 MB buffer is several times slower.
 */
export function boxBlur(r: Raster, radius: number, passes = 2): void {
  const rad = Math.max(1, Math.round(radius));
  const tmp = new Uint8ClampedArray(r.data.length);
  for (let p = 0; p < passes; p++) {
    blurRows(r.data, tmp, r.width, r.height, rad);
    blurColumns(tmp, r.data, r.width, r.height, rad);
  }
}

// Integer running sums and a 16-bit fixed-point reciprocal: float stores into a clamped array
// are several times slower, and integer maths keeps the result identical on every machine.
function blurRows(src: Uint8ClampedArray, dst: Uint8ClampedArray, width: number, height: number, rad: number): void {
  const mul = Math.round(65536 / (rad * 2 + 1));
  const lastX = width - 1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 3;
    for (let ch = 0; ch < 3; ch++) {
      const at = row + ch;
      let sum = 0;
      for (let k = -rad; k <= rad; k++) sum += src[at + (k < 0 ? 0 : k > lastX ? lastX : k) * 3];
      for (let x = 0; x < width; x++) {
        dst[at + x * 3] = (sum * mul + 32768) >>> 16;
        const add = x + rad + 1;
        const sub = x - rad;
        sum += src[at + (add > lastX ? lastX : add) * 3] - src[at + (sub < 0 ? 0 : sub) * 3];
      }
    }
  }
}

function blurColumns(src: Uint8ClampedArray, dst: Uint8ClampedArray, width: number, height: number, rad: number): void {
  const mul = Math.round(65536 / (rad * 2 + 1));
  const stride = width * 3;
  const lastY = height - 1;
  const sums = new Int32Array(stride);
  for (let k = -rad; k <= rad; k++) {
    const row = (k < 0 ? 0 : k > lastY ? lastY : k) * stride;
    for (let i = 0; i < stride; i++) sums[i] += src[row + i];
  }
  for (let y = 0; y < height; y++) {
    const out = y * stride;
    const add = (y + rad + 1 > lastY ? lastY : y + rad + 1) * stride;
    const sub = (y - rad < 0 ? 0 : y - rad) * stride;
    for (let i = 0; i < stride; i++) {
      dst[out + i] = (sums[i] * mul + 32768) >>> 16;
      sums[i] += src[add + i] - src[sub + i];
    }
  }
}
