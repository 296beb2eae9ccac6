import { expect, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";

/**
 * Test images made with sharp on the node side, and decoded pixels of what the app stored.
 * Everything is raw 8-bit pixels, so comparisons are exact (PNG is lossless).
 */

export type Rgb = readonly [number, number, number];
export type Rgba = readonly [number, number, number, number];

export interface Raw {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const inside = (r: Rect, x: number, y: number): boolean => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;

/** A file as setInputFiles takes it. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** An opaque RGB image whose pixel (x, y) is `paint(x, y)`. */
export function rgbPixels(width: number, height: number, paint: (x: number, y: number) => Rgb): Raw {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      const i = (y * width + x) * 3;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
    }
  }
  return { data, width, height, channels: 3 };
}

export function encodePng(raw: Raw): Promise<Buffer> {
  return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels as 1 | 3 | 4 } })
    .png()
    .toBuffer();
}

/**
 * A textured, opaque picture: a gradient with a checker pattern, so every area has its own
 * colours and "unchanged" can only mean "copied".
 */
export function texturedPixels(width: number, height: number): Raw {
  return rgbPixels(width, height, (x, y) => [
    Math.round((x * 255) / (width - 1)),
    Math.round((y * 255) / (height - 1)),
    ((x >> 4) + (y >> 4)) % 2 === 0 ? 200 : 40,
  ]);
}

export async function texturedPng(width: number, height: number): Promise<{ png: Buffer; raw: Raw }> {
  const raw = texturedPixels(width, height);
  return { png: await encodePng(raw), raw };
}

/** A pure black-and-white greyscale PNG mask: white inside `white`, black elsewhere (or the reverse). */
export function rectMask(width: number, height: number, rect: Rect, { whiteInside = true } = {}): Promise<Buffer> {
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data[y * width + x] = inside(rect, x, y) === whiteInside ? 255 : 0;
  }
  return sharp(data, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

/** A subject (filled ellipse of `subject`) on a plain `background`, centred. */
export function subjectOnPlain(width: number, height: number, subject: Rgb, background: Rgb, { alpha = false } = {}): Promise<Buffer> {
  const cx = width / 2, cy = height / 2, rx = width * 0.25, ry = height * 0.3;
  const channels = alpha ? 4 : 3;
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inEllipse = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
      const c = inEllipse ? subject : background;
      const i = (y * width + x) * channels;
      data[i] = c[0];
      data[i + 1] = c[1];
      data[i + 2] = c[2];
      if (alpha) data[i + 3] = 255;
    }
  }
  return sharp(data, { raw: { width, height, channels } }).png().toBuffer();
}

/** Decodes any image to raw pixels: RGBA when `alpha`, else RGB (alpha dropped). */
export async function decode(bytes: Buffer, { alpha = false } = {}): Promise<Raw> {
  const img = alpha ? sharp(bytes).ensureAlpha() : sharp(bytes).removeAlpha();
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

export function pixel(raw: Raw, x: number, y: number): number[] {
  const i = (y * raw.width + x) * raw.channels;
  return Array.from(raw.data.subarray(i, i + raw.channels));
}

/** Largest difference of any channel between two colours (the first three channels). */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** Downloads one of our own image URLs (relative to the baseURL) and checks it is an image. */
export async function fetchImage(request: APIRequestContext, url: string): Promise<Buffer> {
  const res = await request.get(url);
  expect(res.status(), `GET ${url}`).toBe(200);
  expect(res.headers()["content-type"], `content type of ${url}`).toMatch(/^image\/(png|jpeg)$/);
  return res.body();
}

export interface RegionComparison {
  /** Pixels looked at. */
  compared: number;
  /** Pixels whose colour differs at all. */
  differing: number;
  /** The first few differing pixels, for the failure message. */
  examples: string[];
}

/**
 * Compares `a` and `b` (same size, RGB) on every `step`-th pixel of each row and column for
 * which `where(x, y)` holds.
 */
export function compareRegion(a: Raw, b: Raw, where: (x: number, y: number) => boolean, { step = 1, tolerance = 0 } = {}): RegionComparison {
  expect([b.width, b.height], "images of the same size").toEqual([a.width, a.height]);
  const out: RegionComparison = { compared: 0, differing: 0, examples: [] };
  for (let y = 0; y < a.height; y += step) {
    for (let x = 0; x < a.width; x += step) {
      if (!where(x, y)) continue;
      out.compared++;
      const pa = pixel(a, x, y), pb = pixel(b, x, y);
      if (colourDistance(pa, pb) > tolerance) {
        out.differing++;
        if (out.examples.length < 5) out.examples.push(`(${x},${y}) ${pa.join(",")} vs ${pb.join(",")}`);
      }
    }
  }
  return out;
}

/** A JPEG of random noise: large and incompressible, like a camera photo's detail. */
export function noiseJpeg(width: number, height: number, quality = 75): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  let s = 0x2545f491;
  for (let i = 0; i < data.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    data[i] = s & 255;
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

export const png = (name: string, buffer: Buffer): FilePayload => ({ name, mimeType: "image/png", buffer });
export const jpeg = (name: string, buffer: Buffer): FilePayload => ({ name, mimeType: "image/jpeg", buffer });
