/**
 * Browser side of bench/mask-export.ts: bundled by esbuild (with the app's own modules) and run
 * in a blank Chromium page, so the timings are of the code the app ships, on a real canvas and
 * Chromium's own PNG encoder.
 *
 * "Export" is what usePaintedMaskSync does after a change: render the strokes at the image's size,
 * check it is not empty, then exportMaskValue (toRgba → putImageData → PNG blob → data URL).
 * Two variants: "cold" renders the whole document from nothing (the first export of an image, and
 * after undo/redo); "one more stroke" renders it with an IncrementalRaster that already holds all
 * strokes but the last, as after a commit. A second pass times the steps of exportMaskValue one by
 * one with the same helpers, to say what a miss is made of.
 */
import { IncrementalRaster } from "@/lib/canvas/incremental-raster";
import { isEmptyMask } from "@/lib/canvas/mask-export";
import { maskStats, rasterizeMask, toRgba } from "@/lib/canvas/rasterize";
import { canvasToBlob, context2d, createCanvas } from "@/lib/browser-images/canvas";
import { bytesToDataUrl } from "@/lib/browser-images/data-url";
import { exportMaskValue } from "@/lib/mask-editor/export-mask";
import { APP_MASK_POLARITY } from "@/lib/models/mask-polarity";
import { exportBenchDoc } from "./mask-doc";

export interface ExportRun {
  total: number;
  rasterize: number;
  encode: number;
}

export interface ExportSteps {
  toRgba: number;
  putImageData: number;
  pngBlob: number;
  dataUrl: number;
}

export interface ExportResult {
  strokes: number;
  whiteShare: number;
  pngBytes: number;
  runs: ExportRun[];
  /** After one more stroke (incremental render), as after every commit in the app. */
  incremental: ExportRun[];
  steps: ExportSteps[];
}

async function run(width: number, height: number, warmups: number, count: number): Promise<ExportResult> {
  const doc = exportBenchDoc(width, height);
  const runs: ExportRun[] = [];
  let pngBytes = 0;
  let whiteShare = 0;
  for (let i = 0; i < warmups + count; i++) {
    const t0 = performance.now();
    const bitmap = rasterizeMask(doc);
    if (isEmptyMask(bitmap)) throw new Error("the bench document painted nothing");
    const t1 = performance.now();
    const value = await exportMaskValue(bitmap, { key: "bench", revision: i });
    const t2 = performance.now();
    if (i >= warmups) runs.push({ total: t2 - t0, rasterize: t1 - t0, encode: t2 - t1 });
    pngBytes = value.bytes;
    whiteShare = maskStats(bitmap).white / (width * height);
  }

  const incremental: ExportRun[] = [];
  const before = doc.strokes.slice(0, -1);
  for (let i = 0; i < warmups + count; i++) {
    const raster = new IncrementalRaster();
    raster.render(width, height, before);
    const t0 = performance.now();
    const bitmap = raster.render(width, height, doc.strokes);
    if (isEmptyMask(bitmap)) throw new Error("the bench document painted nothing");
    const t1 = performance.now();
    await exportMaskValue(bitmap, { key: "bench", revision: i });
    const t2 = performance.now();
    if (i >= warmups) incremental.push({ total: t2 - t0, rasterize: t1 - t0, encode: t2 - t1 });
  }

  // The same steps as bitmapToPng + encodeCanvas, timed one by one (fewer runs: diagnosis only).
  const bitmap = rasterizeMask(doc);
  const steps: ExportSteps[] = [];
  for (let i = 0; i < 1 + Math.ceil(count / 2); i++) {
    const t0 = performance.now();
    const rgba = toRgba(bitmap, APP_MASK_POLARITY);
    const t1 = performance.now();
    const canvas = createCanvas(width, height);
    context2d(canvas).putImageData(new ImageData(rgba, width, height), 0, 0);
    const t2 = performance.now();
    const blob = await canvasToBlob(canvas, "image/png");
    const t3 = performance.now();
    bytesToDataUrl(new Uint8Array(await blob.arrayBuffer()), "image/png");
    const t4 = performance.now();
    if (i > 0) steps.push({ toRgba: t1 - t0, putImageData: t2 - t1, pngBlob: t3 - t2, dataUrl: t4 - t3 });
  }
  return { strokes: doc.strokes.length, whiteShare, pngBytes, runs, incremental, steps };
}

declare global {
  interface Window {
    __maskExportBench?: { run: typeof run };
  }
}

window.__maskExportBench = { run };
