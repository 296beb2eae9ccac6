/**
 * The edit region of an image: one byte per pixel, 1 = edit (change), 0 = keep. Whatever the
 * polarity of the mask a request sent, renderers only ever see this form.
 */
export interface Mask {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface Box {
  x0: number;
  y0: number;
  /** Exclusive. */
  x1: number;
  y1: number;
}

export function createMask(width: number, height: number): Mask {
  return { width, height, data: new Uint8Array(width * height) };
}

export function invertMask(m: Mask): Mask {
  const data = new Uint8Array(m.data.length);
  for (let i = 0; i < data.length; i++) data[i] = m.data[i] ? 0 : 1;
  return { ...m, data };
}

export function countEdit(m: Mask): number {
  let n = 0;
  for (let i = 0; i < m.data.length; i++) n += m.data[i];
  return n;
}

/** Smallest box holding every edit pixel; null for an empty mask. */
export function maskBounds(m: Mask): Box | null {
  let x0 = m.width, y0 = m.height, x1 = -1, y1 = -1;
  for (let y = 0; y < m.height; y++) {
    const row = y * m.width;
    for (let x = 0; x < m.width; x++) {
      if (!m.data[row + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Sets (value 1) or clears (value 0) a box. */
export function paintBox(m: Mask, b: Box, value: 0 | 1): void {
  const x0 = Math.max(0, Math.round(b.x0)), x1 = Math.min(m.width, Math.round(b.x1));
  const y0 = Math.max(0, Math.round(b.y0)), y1 = Math.min(m.height, Math.round(b.y1));
  for (let y = y0; y < y1; y++) m.data.fill(value, y * m.width + x0, y * m.width + Math.max(x0, x1));
}

/** Sets or clears an axis-aligned ellipse (centre and radii in pixels). */
export function paintEllipse(m: Mask, cx: number, cy: number, rx: number, ry: number, value: 0 | 1): void {
  if (rx <= 0 || ry <= 0) return;
  const y0 = Math.max(0, Math.floor(cy - ry)), y1 = Math.min(m.height - 1, Math.ceil(cy + ry));
  for (let y = y0; y <= y1; y++) {
    const dy = (y + 0.5 - cy) / ry;
    if (dy * dy > 1) continue;
    const half = rx * Math.sqrt(1 - dy * dy);
    const xa = Math.max(0, Math.ceil(cx - half - 0.5)), xb = Math.min(m.width, Math.floor(cx + half - 0.5) + 1);
    if (xb > xa) m.data.fill(value, y * m.width + xa, y * m.width + xb);
  }
}

/** Rectangle with corners rounded by `radius` px: the "contour" of a garment band. */
export function paintRoundedBox(m: Mask, b: Box, radius: number, value: 0 | 1): void {
  const r = Math.max(0, Math.min(radius, (b.x1 - b.x0) / 2, (b.y1 - b.y0) / 2));
  paintBox(m, { ...b, y0: b.y0 + r, y1: b.y1 - r }, value);
  paintBox(m, { ...b, x0: b.x0 + r, x1: b.x1 - r }, value);
  for (const cx of [b.x0 + r, b.x1 - r]) for (const cy of [b.y0 + r, b.y1 - r]) paintEllipse(m, cx, cy, r, r, value);
}

/** Keeps only the pixels inside the box. */
export function clipMask(m: Mask, b: Box): void {
  paintBox(m, { x0: 0, y0: 0, x1: m.width, y1: b.y0 }, 0);
  paintBox(m, { x0: 0, y0: b.y1, x1: m.width, y1: m.height }, 0);
  paintBox(m, { x0: 0, y0: b.y0, x1: b.x0, y1: b.y1 }, 0);
  paintBox(m, { x0: b.x1, y0: b.y0, x1: m.width, y1: b.y1 }, 0);
}

/** The mask as an image in a provider's polarity: exactly 0 and 255, one byte per pixel. */
export function maskToGrey(m: Mask, whiteIsEdit: boolean): Uint8Array {
  const grey = new Uint8Array(m.data.length);
  const on = whiteIsEdit ? 255 : 0, off = whiteIsEdit ? 0 : 255;
  for (let i = 0; i < grey.length; i++) grey[i] = m.data[i] ? on : off;
  return grey;
}

/** Distance from each pixel to the kept region, and which kept pixel is (about) nearest. */
export interface KeptDistance {
  /** Pixels (chamfer 3-4 ÷ 3); 0 on kept pixels; `far` everywhere when nothing is kept. */
  dist: Float32Array;
  /** Index of the nearest kept pixel (itself on kept pixels; -1 when nothing is kept). */
  nearest: Int32Array;
}

/**
 * Chamfer (3-4) distance transform that also carries the nearest kept pixel along, in two
 * raster passes: O(pixels) at any size, within a few percent of the Euclidean distance.
 */
export function keptDistance(m: Mask): KeptDistance {
  const { width: w, height: h, data } = m;
  const far = (w + h) * 3;
  const d = new Int32Array(w * h);
  const near = new Int32Array(w * h);
  for (let i = 0; i < d.length; i++) {
    d[i] = data[i] ? far : 0;
    near[i] = data[i] ? -1 : i;
  }
  const relax = (i: number, j: number, cost: number) => {
    if (d[j] + cost < d[i]) {
      d[i] = d[j] + cost;
      near[i] = near[j];
    }
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0, i = y * w; x < w; x++, i++) {
      if (!d[i]) continue;
      if (x > 0) relax(i, i - 1, 3);
      if (y > 0) {
        relax(i, i - w, 3);
        if (x > 0) relax(i, i - w - 1, 4);
        if (x < w - 1) relax(i, i - w + 1, 4);
      }
    }
  }
  for (let y = h - 1; y >= 0; y--) {
    for (let x = w - 1, i = y * w + x; x >= 0; x--, i--) {
      if (!d[i]) continue;
      if (x < w - 1) relax(i, i + 1, 3);
      if (y < h - 1) {
        relax(i, i + w, 3);
        if (x < w - 1) relax(i, i + w + 1, 4);
        if (x > 0) relax(i, i + w - 1, 4);
      }
    }
  }
  const dist = new Float32Array(d.length);
  for (let i = 0; i < d.length; i++) dist[i] = d[i] / 3;
  return { dist, nearest: near };
}
