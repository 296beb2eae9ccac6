/**
 * Browser-only canvas helpers. OffscreenCanvas when the browser has it (no DOM node, and
 * `convertToBlob` is a promise), a detached <canvas> otherwise; callers see one type.
 */
import { countPixelFacts, type PixelFacts } from "@/lib/browser-images/pixel-facts";

export type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;
export type Context2d = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export function createCanvas(width: number, height: number): AnyCanvas {
  if (typeof OffscreenCanvas !== "undefined" && "convertToBlob" in OffscreenCanvas.prototype) {
    return new OffscreenCanvas(width, height);
  }
  const c = document.createElement("canvas");
  c.width = width;
  c.height = height;
  return c;
}

/** A 2D context; `willReadFrequently` keeps the pixels on the CPU, where getImageData reads them. */
export function context2d(canvas: AnyCanvas, opts: { willReadFrequently?: boolean } = {}): Context2d {
  const ctx = canvas.getContext("2d", { willReadFrequently: opts.willReadFrequently ?? false }) as Context2d | null;
  if (!ctx) throw new Error("This browser could not create a canvas to process the image.");
  return ctx;
}

export function canvasToBlob(canvas: AnyCanvas, type: string, quality?: number): Promise<Blob> {
  if (!(canvas instanceof HTMLCanvasElement)) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The browser could not encode the image."))), type, quality),
  );
}

/** Rows per strip: about a megapixel at a time, so scanning a large image never holds it all twice. */
const STRIP_PIXELS = 1 << 20;

/** Counts translucent and non-binary pixels of anything drawable, a strip at a time. */
export function scanPixels(source: CanvasImageSource, width: number, height: number): PixelFacts {
  const rows = Math.max(1, Math.min(height, Math.floor(STRIP_PIXELS / width)));
  const strip = createCanvas(width, rows);
  const ctx = context2d(strip, { willReadFrequently: true });
  let facts: PixelFacts = { translucentPixels: 0, nonBinaryPixels: 0 };
  for (let y = 0; y < height; y += rows) {
    const h = Math.min(rows, height - y);
    ctx.clearRect(0, 0, width, rows);
    ctx.drawImage(source, 0, y, width, h, 0, 0, width, h);
    facts = countPixelFacts(ctx.getImageData(0, 0, width, h).data, facts);
  }
  return facts;
}
