import sharp from "sharp";
import type { EngineHandle } from "@/lib/emulator/server";
import { submit } from "@/lib/emulator/test-helpers";

/** Shared by the renderer tests: small input images made with sharp, and pixel measurements. */
export type Rgb = [number, number, number];

export interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
}

/** A PNG painted pixel by pixel (tests use ≤ 640 px sides, so a callback per pixel is fine). */
export async function paintPng(width: number, height: number, paint: (x: number, y: number) => Rgb): Promise<Buffer> {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 3);
  }
  return sharp(data, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

export const solidPng = (width: number, height: number, c: Rgb) => paintPng(width, height, () => c);

/**
 * A small "photo": a soft vertical gradient with a dark blue square in the middle (a third of
 * each side) and a textured band at the bottom, so edits and fills have something to change.
 */
export function scenePng(width: number, height: number): Promise<Buffer> {
  return paintPng(width, height, (x, y) => {
    if (x >= width / 3 && x < (2 * width) / 3 && y >= height / 3 && y < (2 * height) / 3) return [20, 40, 150];
    if (y > height * 0.85) return (x >> 3) % 2 ? [90, 140, 60] : [70, 120, 50];
    const t = y / height;
    return [Math.round(200 - 60 * t), Math.round(210 - 40 * t), Math.round(230 - 20 * t)];
  });
}

/** A one-channel mask PNG: white where `edit` is true, black elsewhere. */
export async function maskPng(width: number, height: number, edit: (x: number, y: number) => boolean): Promise<Buffer> {
  const data = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = edit(x, y) ? 255 : 0;
  return sharp(data, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

export const b64 = (png: Buffer) => png.toString("base64");
export const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString("base64")}`;

export async function pixels(png: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, data };
}

/** RGB of one pixel (alpha, if any, left out). */
export function rgbAt(p: Pixels, x: number, y: number): Rgb {
  const i = (y * p.width + x) * p.channels;
  return [p.data[i], p.data[i + 1], p.data[i + 2]];
}

export function distance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Mean absolute difference per channel over all pixels (same size and channels). */
export function meanAbsDiff(a: Pixels, b: Pixels): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / a.data.length;
}

/** Mean colour of the pixels where `where` holds. */
export function meanWhere(p: Pixels, where: (x: number, y: number) => boolean): Rgb {
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      if (!where(x, y)) continue;
      const c = rgbAt(p, x, y);
      for (let k = 0; k < 3; k++) sum[k] += c[k];
      n++;
    }
  }
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}

export interface Output {
  png: Buffer;
  role?: string;
}

/** Submits with sync + b64_json and returns every output item; throws on anything but 200. */
export async function renderSync(engine: EngineHandle, body: Record<string, unknown>): Promise<Output[]> {
  const res = await submit(engine, { ...body, sync: true, response_format: "b64_json" });
  if (res.status !== 200) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
  const { data } = (await res.json()) as { data: { b64_json: string; role?: string }[] };
  return data.map((d) => ({ png: Buffer.from(d.b64_json, "base64"), role: d.role }));
}

/** The first image of a sync render. */
export async function renderOne(engine: EngineHandle, body: Record<string, unknown>): Promise<Buffer> {
  return (await renderSync(engine, body))[0].png;
}

/** Submits and returns the 400's error envelope (throws if the answer is not 400). */
export async function rejection(engine: EngineHandle, body: Record<string, unknown>): Promise<{ param: string | null; message: string; code: string }> {
  const res = await submit(engine, body);
  if (res.status !== 400) throw new Error(`expected 400, got ${res.status}: ${await res.text()}`);
  return (await res.json()).error;
}

/** A copy of a request body without one field. */
export function without(body: Record<string, unknown>, field: string): Record<string, unknown> {
  const copy = { ...body };
  delete copy[field];
  return copy;
}
