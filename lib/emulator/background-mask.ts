import type { Raster } from "@/lib/emulator/raster";

/**
 * Which pixels are background, found the way a person would guess without a segmenter: the
 * background is what touches the border. The border's common colours (each bucket of
 * 4 bits per channel holding at least 15 % of the border, at most four) are the references.
 * A flood fill starts from every border pixel close to a reference (distance ≤ 48) and
 * spreads to 4-neighbours whose colour is close to the pixel it came from (≤ 28, so smooth
 * gradients are followed but an outline stops it) and still near a reference (≤ 110, so it
 * cannot crawl across a whole subject). Holes enclosed by the subject stay opaque.
 */
const SEED_DIST = 48;
const STEP_DIST = 28;
const FAR_DIST = 110;
const MIN_SHARE = 0.15;

function borderReferences(r: Raster): [number, number, number][] {
  const { width: w, height: h, data } = r;
  const bins = new Map<number, [number, number, number, number]>();
  let total = 0;
  const visit = (p: number) => {
    const i = p * 3;
    const key = ((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4);
    const b = bins.get(key) ?? [0, 0, 0, 0];
    b[0] += data[i];
    b[1] += data[i + 1];
    b[2] += data[i + 2];
    b[3]++;
    bins.set(key, b);
    total++;
  };
  for (let x = 0; x < w; x++) {
    visit(x);
    visit((h - 1) * w + x);
  }
  for (let y = 1; y < h - 1; y++) {
    visit(y * w);
    visit(y * w + w - 1);
  }
  return [...bins.entries()]
    .filter(([, b]) => b[3] >= total * MIN_SHARE)
    .sort((a, b) => b[1][3] - a[1][3] || a[0] - b[0])
    .slice(0, 4)
    .map(([, b]) => [b[0] / b[3], b[1] / b[3], b[2] / b[3]]);
}

/** 1 = background (made transparent), 0 = subject. */
export function backgroundMask(r: Raster): Uint8Array {
  const { width: w, height: h, data } = r;
  const refs = borderReferences(r);
  const bg = new Uint8Array(w * h);
  if (refs.length === 0) return bg;

  const nearRef = (p: number, limit: number) => {
    const i = p * 3;
    for (const c of refs) {
      const dr = data[i] - c[0], dg = data[i + 1] - c[1], db = data[i + 2] - c[2];
      if (dr * dr + dg * dg + db * db <= limit * limit) return true;
    }
    return false;
  };
  const close = (p: number, q: number) => {
    const i = p * 3, j = q * 3;
    const dr = data[i] - data[j], dg = data[i + 1] - data[j + 1], db = data[i + 2] - data[j + 2];
    return dr * dr + dg * dg + db * db <= STEP_DIST * STEP_DIST;
  };

  const queue = new Int32Array(w * h);
  let head = 0, tail = 0;
  const seed = (p: number) => {
    if (!bg[p] && nearRef(p, SEED_DIST)) {
      bg[p] = 1;
      queue[tail++] = p;
    }
  };
  for (let x = 0; x < w; x++) {
    seed(x);
    seed((h - 1) * w + x);
  }
  for (let y = 1; y < h - 1; y++) {
    seed(y * w);
    seed(y * w + w - 1);
  }
  const spread = (p: number, q: number) => {
    if (!bg[q] && close(p, q) && nearRef(q, FAR_DIST)) {
      bg[q] = 1;
      queue[tail++] = q;
    }
  };
  while (head < tail) {
    const p = queue[head++];
    const x = p % w;
    if (x > 0) spread(p, p - 1);
    if (x < w - 1) spread(p, p + 1);
    if (p >= w) spread(p, p - w);
    if (p < w * (h - 1)) spread(p, p + w);
  }
  return bg;
}
