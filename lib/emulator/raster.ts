import type { Rgb } from "@/lib/emulator/palette";

/**
 * Minimal RGB raster with the shapes the synthesiser draws. Each primitive touches only its
 * bounding box (or, for bands, its own rows), so a 2048² image with dozens of shapes stays in
 * the tens of milliseconds; loops are flat typed-array index arithmetic on purpose.
 */
export interface Raster {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row-major. */
  data: Uint8ClampedArray;
}

export function createRaster(width: number, height: number): Raster {
  return { width, height, data: new Uint8ClampedArray(width * height * 3) };
}

function blend(d: Uint8ClampedArray, i: number, c: Rgb, a: number): void {
  d[i] += (c[0] - d[i]) * a;
  d[i + 1] += (c[1] - d[i + 1]) * a;
  d[i + 2] += (c[2] - d[i + 2]) * a;
}

/** Background: top colour to bottom colour, one colour per row. */
export function fillVerticalGradient(r: Raster, top: Rgb, bottom: Rgb): void {
  const { width, height, data } = r;
  for (let y = 0; y < height; y++) {
    const t = height > 1 ? y / (height - 1) : 0;
    const c0 = top[0] + (bottom[0] - top[0]) * t;
    const c1 = top[1] + (bottom[1] - top[1]) * t;
    const c2 = top[2] + (bottom[2] - top[2]) * t;
    for (let i = y * width * 3, end = i + width * 3; i < end; i += 3) {
      data[i] = c0;
      data[i + 1] = c1;
      data[i + 2] = c2;
    }
  }
}

/**
 * Filled disc; `soft` is the width of the fading edge in pixels (1 = crisp but antialiased).
 * With `ring` > 0 only a ring of that thickness is drawn (outlines).
 */
export function drawCircle(r: Raster, cx: number, cy: number, radius: number, c: Rgb, alpha = 1, soft = 1, ring = 0): void {
  const { width, height, data } = r;
  const x0 = Math.max(0, Math.floor(cx - radius - soft));
  const x1 = Math.min(width - 1, Math.ceil(cx + radius + soft));
  const y0 = Math.max(0, Math.floor(cy - radius - soft));
  const y1 = Math.min(height - 1, Math.ceil(cy + radius + soft));
  const inner = ring > 0 ? radius - ring : -Infinity;
  for (let y = y0; y <= y1; y++) {
    const dy = y - cy;
    for (let x = x0, i = (y * width + x0) * 3; x <= x1; x++, i += 3) {
      const dx = x - cx;
      const d = Math.sqrt(dx * dx + dy * dy);
      let a = (radius - d) / soft;
      if (a <= 0) continue;
      if (ring > 0) a = Math.min(a, (d - inner) / soft);
      if (a <= 0) continue;
      blend(data, i, c, a >= 1 ? alpha : a * alpha);
    }
  }
}

/** Axis-aligned rectangle; with `border` > 0 only its frame of that thickness. */
export function drawRect(r: Raster, x0: number, y0: number, x1: number, y1: number, c: Rgb, alpha = 1, border = 0): void {
  const { width, height, data } = r;
  const ax = Math.max(0, Math.round(Math.min(x0, x1)));
  const bx = Math.min(width - 1, Math.round(Math.max(x0, x1)));
  const ay = Math.max(0, Math.round(Math.min(y0, y1)));
  const by = Math.min(height - 1, Math.round(Math.max(y0, y1)));
  for (let y = ay; y <= by; y++) {
    const edgeRow = border > 0 && (y - ay < border || by - y < border);
    for (let x = ax, i = (y * width + ax) * 3; x <= bx; x++, i += 3) {
      if (border > 0 && !edgeRow && x - ax >= border && bx - x >= border) continue;
      blend(data, i, c, alpha);
    }
  }
}

/**
 * A straight band across the whole image at `angle` (radians), `offset` px from the origin
 * along its normal. Row by row, only the pixels inside the band are visited.
 */
export function drawBand(r: Raster, angle: number, offset: number, thickness: number, c: Rgb, alpha = 1): void {
  const { width, height, data } = r;
  const nx = Math.cos(angle);
  const ny = Math.sin(angle);
  const half = thickness / 2;
  for (let y = 0; y < height; y++) {
    let xa: number, xb: number;
    if (Math.abs(nx) < 1e-6) {
      if (Math.abs(y * ny - offset) > half) continue;
      xa = 0;
      xb = width - 1;
    } else {
      const p = (offset - half - y * ny) / nx;
      const q = (offset + half - y * ny) / nx;
      xa = Math.max(0, Math.ceil(Math.min(p, q)));
      xb = Math.min(width - 1, Math.floor(Math.max(p, q)));
    }
    for (let x = xa, i = (y * width + xa) * 3; x <= xb; x++, i += 3) blend(data, i, c, alpha);
  }
}

/** A lit sphere (light from the upper left) with a specular spot: the "3D" look. */
export function drawSphere(r: Raster, cx: number, cy: number, radius: number, c: Rgb): void {
  const { width, height, data } = r;
  const x0 = Math.max(0, Math.floor(cx - radius));
  const x1 = Math.min(width - 1, Math.ceil(cx + radius));
  const y0 = Math.max(0, Math.floor(cy - radius));
  const y1 = Math.min(height - 1, Math.ceil(cy + radius));
  const inv = 1 / radius;
  // Normalised light direction (-0.5, -0.6, 0.62).
  const lx = -0.5, ly = -0.6, lz = 0.62;
  for (let y = y0; y <= y1; y++) {
    const ny = (y - cy) * inv;
    for (let x = x0, i = (y * width + x0) * 3; x <= x1; x++, i += 3) {
      const nx = (x - cx) * inv;
      const rr = nx * nx + ny * ny;
      if (rr >= 1) continue;
      const nz = Math.sqrt(1 - rr);
      const diffuse = Math.max(0, nx * lx + ny * ly + nz * lz);
      const shade = 0.28 + 0.85 * diffuse;
      const spec = Math.pow(Math.max(0, diffuse), 24) * 180;
      const edge = Math.min(1, (1 - Math.sqrt(rr)) * radius);
      data[i] += (c[0] * shade + spec - data[i]) * edge;
      data[i + 1] += (c[1] * shade + spec - data[i + 1]) * edge;
      data[i + 2] += (c[2] * shade + spec - data[i + 2]) * edge;
    }
  }
}
