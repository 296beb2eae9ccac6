import { mulberry32 } from "@/lib/emulator/prng";

/**
 * Colour words of a prompt pick the palette, so "a red fox" is visibly red and "ocean" is blue:
 * the prompt is the only handle a tester has on an offline image, so it must show.
 */
export type Rgb = readonly [number, number, number];

const WORD_COLOURS: Record<string, Rgb[]> = {
  red: [[205, 32, 38], [140, 18, 24], [235, 96, 84]],
  crimson: [[170, 18, 48], [220, 60, 80]],
  orange: [[240, 132, 28], [200, 90, 20], [250, 180, 90]],
  yellow: [[245, 214, 40], [220, 180, 20], [250, 235, 130]],
  gold: [[212, 168, 40], [170, 120, 20], [240, 210, 110]],
  green: [[46, 160, 67], [22, 100, 40], [130, 200, 110]],
  teal: [[20, 140, 140], [60, 190, 180]],
  cyan: [[40, 200, 220], [150, 230, 240]],
  blue: [[30, 80, 210], [16, 40, 130], [90, 150, 240]],
  navy: [[16, 30, 90], [40, 60, 140]],
  purple: [[120, 50, 170], [80, 30, 120], [170, 110, 210]],
  violet: [[140, 80, 210], [190, 150, 240]],
  magenta: [[210, 40, 170], [240, 120, 210]],
  pink: [[240, 130, 170], [250, 190, 210], [210, 80, 130]],
  brown: [[120, 72, 36], [80, 48, 24], [170, 120, 80]],
  black: [[16, 16, 18], [50, 50, 56]],
  white: [[245, 245, 240], [215, 218, 222]],
  grey: [[128, 128, 132], [80, 80, 86], [190, 190, 194]],
  gray: [[128, 128, 132], [80, 80, 86], [190, 190, 194]],
  silver: [[192, 196, 204], [150, 156, 166]],
  // Scene words carry a palette of their own.
  sunset: [[250, 120, 50], [220, 60, 90], [110, 50, 130], [250, 190, 90]],
  sunrise: [[250, 170, 80], [240, 120, 120], [150, 180, 230]],
  ocean: [[20, 90, 160], [30, 150, 180], [10, 50, 100], [160, 220, 230]],
  sea: [[20, 100, 170], [40, 160, 190], [200, 230, 235]],
  sky: [[120, 180, 240], [200, 225, 250], [70, 130, 210]],
  forest: [[30, 90, 40], [70, 130, 50], [100, 70, 40], [160, 190, 100]],
  jungle: [[20, 110, 50], [90, 170, 60], [30, 60, 30]],
  desert: [[230, 190, 130], [200, 140, 80], [240, 220, 180]],
  night: [[12, 16, 48], [30, 40, 90], [200, 200, 150]],
  snow: [[240, 244, 250], [190, 210, 235], [150, 170, 200]],
  winter: [[220, 230, 245], [140, 170, 210], [80, 100, 140]],
  fire: [[240, 70, 20], [250, 160, 30], [180, 20, 10], [250, 220, 80]],
  autumn: [[200, 90, 30], [170, 50, 30], [220, 160, 60], [110, 70, 40]],
  spring: [[170, 220, 130], [250, 190, 210], [250, 240, 170]],
  neon: [[250, 30, 200], [30, 240, 250], [160, 250, 40]],
};

/** Colours a word stands for, or undefined when the word is not a colour word. */
export function coloursOfWord(word: string): Rgb[] | undefined {
  return WORD_COLOURS[word];
}

/** Hue in degrees (0..360) of a colour, or -1 for near-greys (they have no hue to remove). */
export function hueOf([r, g, b]: Rgb): number {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  if (d < 24) return -1;
  let h: number;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

export function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/** Scales saturation around the colour's own luma (factor 0 = grey, >1 = more vivid). */
export function saturate([r, g, b]: Rgb, factor: number): Rgb {
  const y = 0.299 * r + 0.587 * g + 0.114 * b;
  return [clamp(y + (r - y) * factor), clamp(y + (g - y) * factor), clamp(y + (b - y) * factor)];
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [clamp(a[0] + (b[0] - a[0]) * t), clamp(a[1] + (b[1] - a[1]) * t), clamp(a[2] + (b[2] - a[2]) * t)];
}

export function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

/** A harmonious palette from a hash, for prompts that name no colour. */
export function paletteFromHash(hash: number): Rgb[] {
  const rng = mulberry32(hash);
  const base = rng() * 360;
  const offsets = [0, 30, 180, 210, 60];
  return offsets.map((o, i) => hslToRgb((base + o) % 360, 0.45 + rng() * 0.35, 0.3 + (i % 3) * 0.18));
}

export function hslToRgb(h: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [clamp((r + m) * 255), clamp((g + m) * 255), clamp((b + m) * 255)];
}
