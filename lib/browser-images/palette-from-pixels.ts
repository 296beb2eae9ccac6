/**
 * Dominant colours of an image by median cut: put every opaque pixel in one box, split the box
 * whose colours spread widest (weighted by how many pixels it holds) at the median of its widest
 * channel, repeat until there are `count` boxes; each box's mean is one colour. Pure, so it is
 * tested without a browser; the caller downsamples the image on a canvas first.
 */
type Rgb = [number, number, number];

export interface PaletteOptions {
  /** Pixels with alpha below this are ignored (transparent background). */
  alphaThreshold?: number;
  /** At most this many pixels are looked at (evenly spaced). */
  maxSamples?: number;
  /** Colours closer than this (RGB distance) to a more common one are left out as near-duplicates. */
  minDistance?: number;
}

const hex = (n: number) => Math.round(n).toString(16).padStart(2, "0").toUpperCase();
const toHex = ([r, g, b]: Rgb) => `#${hex(r)}${hex(g)}${hex(b)}`;

function samples(rgba: ArrayLike<number>, alphaThreshold: number, maxSamples: number): Rgb[] {
  const total = Math.floor(rgba.length / 4);
  const step = Math.max(1, Math.ceil(total / maxSamples));
  const out: Rgb[] = [];
  for (let p = 0; p < total; p += step) {
    const i = p * 4;
    if (rgba[i + 3] >= alphaThreshold) out.push([rgba[i], rgba[i + 1], rgba[i + 2]]);
  }
  return out;
}

/** The channel (0 r, 1 g, 2 b) with the widest spread in the box, and that spread. */
function widest(box: Rgb[]): { channel: number; range: number } {
  let best = { channel: 0, range: -1 };
  for (let c = 0; c < 3; c++) {
    let lo = 255;
    let hi = 0;
    for (const px of box) {
      lo = Math.min(lo, px[c]);
      hi = Math.max(hi, px[c]);
    }
    if (hi - lo > best.range) best = { channel: c, range: hi - lo };
  }
  return best;
}

/** Splits at the median, moved to the nearest change of value so equal colours stay together. */
function split(box: Rgb[], channel: number): [Rgb[], Rgb[]] {
  const sorted = [...box].sort((a, b) => a[channel] - b[channel]);
  const mid = sorted.length >> 1;
  let cut = mid;
  while (cut > 0 && sorted[cut - 1][channel] === sorted[cut][channel]) cut--;
  if (cut === 0) {
    cut = mid;
    while (cut < sorted.length && sorted[cut - 1][channel] === sorted[cut][channel]) cut++;
  }
  return [sorted.slice(0, cut), sorted.slice(cut)];
}

function mean(box: Rgb[]): Rgb {
  const sum: Rgb = [0, 0, 0];
  for (const px of box) for (let c = 0; c < 3; c++) sum[c] += px[c];
  return sum.map((s) => s / box.length) as Rgb;
}

/**
 * Up to `count` colours as #RRGGBB (upper case), most common first. Fewer come back when the
 * image has fewer distinct colours (near-duplicates, such as the blend along an edge, are
 * dropped); none when every pixel is transparent.
 */
export function paletteFromPixels(rgba: ArrayLike<number>, count: number, opts: PaletteOptions = {}): string[] {
  const want = Math.max(1, Math.floor(count));
  const pixels = samples(rgba, opts.alphaThreshold ?? 128, opts.maxSamples ?? 20_000);
  if (pixels.length === 0) return [];
  const boxes: Rgb[][] = [pixels];
  while (boxes.length < want) {
    let pick = -1;
    let score = 0;
    boxes.forEach((box, i) => {
      const s = widest(box).range * box.length;
      if (s > score) [pick, score] = [i, s];
    });
    if (pick < 0) break; // every box is one colour
    boxes.splice(pick, 1, ...split(boxes[pick], widest(boxes[pick]).channel));
  }
  const colours = boxes.map((box) => ({ rgb: mean(box), weight: box.length })).sort((a, b) => b.weight - a.weight);
  const minDistance = opts.minDistance ?? 24;
  const kept: Rgb[] = [];
  for (const { rgb } of colours) {
    if (kept.every((k) => Math.hypot(k[0] - rgb[0], k[1] - rgb[1], k[2] - rgb[2]) >= minDistance)) kept.push(rgb);
  }
  return [...new Set(kept.map(toHex))];
}
