/**
 * What a mask should look like, computed independently of lib/canvas: simple geometry per shape,
 * with a ±1 px band at every edge where either answer is accepted (a stroke edge falls between
 * pixel centres). The check then reads the PNG the engine received.
 */
import { expect, type APIRequestContext } from "@playwright/test";
import type { ApiJob } from "./api";
import { decode, fetchImage, type Raw } from "./images";

export type Verdict = "white" | "black" | "either";

export interface Shape {
  /** Signed distance from a pixel centre to the shape's edge: negative inside, positive outside. */
  distance(x: number, y: number): number;
}

export function capsule(a: { x: number; y: number }, b: { x: number; y: number }, radius: number): Shape {
  return {
    distance(x, y) {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
      return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy)) - radius;
    },
  };
}

export function rect(x0: number, y0: number, x1: number, y1: number): Shape {
  return {
    distance(x, y) {
      const ox = Math.max(x0 - x, x - x1, 0);
      const oy = Math.max(y0 - y, y - y1, 0);
      if (ox > 0 || oy > 0) return Math.hypot(ox, oy);
      return -Math.min(x - x0, x1 - x, y - y0, y1 - y);
    },
  };
}

/** A simple polygon (vertices in order, closed back to the first). */
export function polygon(points: { x: number; y: number }[]): Shape {
  return {
    distance(x, y) {
      let inside = false;
      let best = Infinity;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const a = points[i];
        const b = points[j];
        if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
        best = Math.min(best, capsule(a, b, 0).distance(x, y));
      }
      return inside ? -best : best;
    },
  };
}

export type MaskExpr = { add: Shape } | { cut: Shape } | { invert: true };

/** The verdict for a pixel after applying the operations in order (band: ±1 px of any edge). */
export function expected(ops: MaskExpr[], px: number, py: number, band = 1): Verdict {
  let v: Verdict = "black";
  const x = px + 0.5;
  const y = py + 0.5;
  for (const op of ops) {
    if ("invert" in op) {
      v = v === "white" ? "black" : v === "black" ? "white" : "either";
      continue;
    }
    const d = ("add" in op ? op.add : op.cut).distance(x, y);
    const paint: Verdict = "add" in op ? "white" : "black";
    if (d <= -band) v = paint;
    else if (d < band) v = v === paint ? paint : "either";
  }
  return v;
}

export interface MaskCheck {
  wrong: number;
  examples: string[];
  white: number;
  either: number;
}

/** Compares a decoded mask with the operations; every pixel is checked. */
export function checkMask(mask: Raw, ops: MaskExpr[]): MaskCheck {
  let wrong = 0;
  let white = 0;
  let either = 0;
  const examples: string[] = [];
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      const v = mask.data[(y * mask.width + x) * mask.channels];
      if (v === 255) white++;
      const want = expected(ops, x, y);
      if (want === "either") {
        either++;
        continue;
      }
      const ok = want === "white" ? v === 255 : v === 0;
      if (!ok) {
        wrong++;
        if (examples.length < 6) examples.push(`(${x},${y}) is ${v}, expected ${want}`);
      }
    }
  }
  return { wrong, examples, white, either };
}

/** The mask PNG of a job as stored and sent upstream, decoded; it must be pure black and white. */
export async function receivedMask(request: APIRequestContext, job: ApiJob): Promise<Raw> {
  const input = job.inputs.find((i) => i.role === "mask_image");
  expect(input, "the job carried a mask image").toBeDefined();
  const raw = await decode(await fetchImage(request, input!.url));
  for (let i = 0; i < raw.data.length; i += raw.channels) {
    const v = raw.data[i];
    if (v !== 0 && v !== 255) throw new Error(`mask pixel ${i / raw.channels} is ${v}: not pure black and white`);
  }
  return raw;
}
