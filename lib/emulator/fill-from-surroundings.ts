import { maskBounds, type Mask } from "@/lib/emulator/mask";
import { cloneRaster } from "@/lib/emulator/raster-blend";
import type { Raster } from "@/lib/emulator/raster";

/**
 * "Remove the object": each edit pixel is rebuilt from the nearest kept pixels of its row
 * (linear between the kept pixel on the left and on the right, or a copy of the one side that
 * exists) and of its column (the same, vertically). The two estimates are weighted by
 * 1 / run length, so the direction in which the hole is narrower wins, which hides thin
 * objects well. Edit pixels with no kept pixel in their row or column take the kept pixels'
 * mean colour. Kept pixels are returned unchanged.
 */
export function fillFromSurroundings(src: Raster, mask: Mask): Raster {
  const { width: w, height: h } = src;
  const acc = new Float32Array(w * h * 3);
  const weight = new Float32Array(w * h);
  const d = src.data, m = mask.data;

  const fillRun = (first: number, count: number, stride: number, before: number, after: number) => {
    const wgt = 1 / count;
    for (let k = 0; k < count; k++) {
      const p = first + k * stride;
      const t = (k + 1) / (count + 1);
      for (let c = 0; c < 3; c++) {
        const v = before < 0 ? d[after * 3 + c] : after < 0 ? d[before * 3 + c] : d[before * 3 + c] + (d[after * 3 + c] - d[before * 3 + c]) * t;
        acc[p * 3 + c] += v * wgt;
      }
      weight[p] += wgt;
    }
  };
  // One line (a row or a column): find each run of edit pixels and the kept pixels around it.
  const scanLine = (start: number, length: number, stride: number) => {
    let runStart = -1;
    for (let k = 0; k <= length; k++) {
      const inside = k < length && m[start + k * stride] === 1;
      if (inside && runStart < 0) runStart = k;
      if (!inside && runStart >= 0) {
        const before = runStart > 0 ? start + (runStart - 1) * stride : -1;
        const after = k < length ? start + k * stride : -1;
        if (before >= 0 || after >= 0) fillRun(start + runStart * stride, k - runStart, stride, before, after);
        runStart = -1;
      }
    }
  };
  // Outside the mask's bounding box every pixel is kept: scan only the box and its one-pixel rim.
  const box = maskBounds(mask);
  if (!box) return cloneRaster(src);
  const x0 = Math.max(0, box.x0 - 1), x1 = Math.min(w, box.x1 + 1);
  const y0 = Math.max(0, box.y0 - 1), y1 = Math.min(h, box.y1 + 1);
  for (let y = box.y0; y < box.y1; y++) scanLine(y * w + x0, x1 - x0, 1);
  for (let x = box.x0; x < box.x1; x++) scanLine(y0 * w + x, y1 - y0, w);

  const out = cloneRaster(src);
  const mean = keptMean(src, mask);
  for (let p = 0; p < weight.length; p++) {
    if (!m[p]) continue;
    for (let c = 0; c < 3; c++) out.data[p * 3 + c] = weight[p] > 0 ? acc[p * 3 + c] / weight[p] : mean[c];
  }
  return out;
}

function keptMean(src: Raster, mask: Mask): [number, number, number] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let p = 0; p < mask.data.length; p++) {
    if (mask.data[p]) continue;
    for (let c = 0; c < 3; c++) sum[c] += src.data[p * 3 + c];
    n++;
  }
  return n === 0 ? [128, 128, 128] : [sum[0] / n, sum[1] / n, sum[2] / n];
}
