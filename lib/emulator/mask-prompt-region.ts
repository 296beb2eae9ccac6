import { garmentBand, paintBand, type GarmentFamily } from "@/lib/emulator/garment-region";
import { clipMask, countEdit, createMask, paintBox, paintEllipse, type Mask } from "@/lib/emulator/mask";
import { fnv1a, mulberry32 } from "@/lib/emulator/prng";
import { tokenize } from "@/lib/emulator/prompt-words";

/**
 * A mask prompt ("the sky", "the car on the left") → a region, without any vision model.
 * Deterministic from the prompt's words alone (never the seed), so the same words always pick
 * the same pixels. Rules, in order (README "Mask prompts"):
 *
 * 1. Position words limit where the region may be: left/right → that half of the width;
 *    top/upper/above → the top 45 %, bottom/lower/below → the bottom 45 %;
 *    center/centre/middle/central → the middle half on each axis not already limited.
 * 2. Area words name a region, and several are united: sky/clouds/ceiling → the top 40 %;
 *    ground/floor/grass/road/street/water/sea/ocean/lake/beach/sand/field/table → the bottom
 *    40 %; background/backdrop/surroundings/scenery/wall → everything outside a central
 *    ellipse; face/head/hair/hat → a small ellipse at the top centre; garment and body words
 *    (shirt/jacket/…, pants/skirt/…, dress/outfit/person/…, shoes/feet/…) → the garment bands
 *    of garment-region.ts. The union is then limited by the position words.
 * 3. Otherwise any other word (an object: "car", "bottle") → an ellipse whose centre and radii
 *    come from the hash of those words, placed inside the position limits.
 * 4. Only position words ("left half") → the whole limited box; nothing usable, or "everything"
 *    → the whole image. A region that comes out empty falls back to rule 3 on the whole image.
 */
type Range = [number, number];

type Area =
  | { kind: "box"; x0: number; y0: number; x1: number; y1: number }
  | { kind: "ellipse"; cx: number; cy: number; rx: number; ry: number }
  | { kind: "outside"; cx: number; cy: number; rx: number; ry: number }
  | { kind: "band"; family: GarmentFamily };

const X_WORDS: Record<string, Range> = { left: [0, 0.5], right: [0.5, 1] };
const Y_WORDS: Record<string, Range> = {
  top: [0, 0.45], upper: [0, 0.45], above: [0, 0.45],
  bottom: [0.55, 1], lower: [0.55, 1], below: [0.55, 1],
};
const CENTRE_WORDS = new Set(["center", "centre", "middle", "central"]);
const EVERYTHING_WORDS = new Set(["everything", "whole", "entire", "all", "full"]);
/** Words that only shape a position ("the left side") and name nothing. */
const FILLER_WORDS = new Set(["side", "half", "part", "area", "region", "corner", "edge", "zone", "image", "picture", "photo", "frame", "one", "thing"]);

const SKY: Area = { kind: "box", x0: 0, y0: 0, x1: 1, y1: 0.4 };
const GROUND: Area = { kind: "box", x0: 0, y0: 0.6, x1: 1, y1: 1 };
const BACKGROUND: Area = { kind: "outside", cx: 0.5, cy: 0.55, rx: 0.3, ry: 0.38 };
const FACE: Area = { kind: "ellipse", cx: 0.5, cy: 0.13, rx: 0.11, ry: 0.1 };
const band = (family: GarmentFamily): Area => ({ kind: "band", family });

const AREA_WORDS: Record<string, Area> = {
  ...Object.fromEntries("sky clouds ceiling".split(" ").map((w) => [w, SKY])),
  ...Object.fromEntries("ground floor grass road street water sea ocean lake beach sand field table".split(" ").map((w) => [w, GROUND])),
  ...Object.fromEntries("background backdrop surroundings scenery wall".split(" ").map((w) => [w, BACKGROUND])),
  ...Object.fromEntries("face head hair hat".split(" ").map((w) => [w, FACE])),
  ...Object.fromEntries("shirt blouse jacket coat sweater hoodie torso chest vest".split(" ").map((w) => [w, band("upper")])),
  ...Object.fromEntries("pants trousers jeans shorts skirt legs leg".split(" ").map((w) => [w, band("lower")])),
  ...Object.fromEntries("dress outfit suit clothes clothing body person".split(" ").map((w) => [w, band("full")])),
  ...Object.fromEntries("shoes shoe boots boot sneakers feet foot footwear".split(" ").map((w) => [w, band("footwear")])),
};

const FAMILY_CLASS = { upper: "UPPER_BODY", lower: "LOWER_BODY", full: "FULL_BODY", footwear: "FOOTWEAR" } as const;

function union(ranges: Range[]): Range | undefined {
  return ranges.length === 0 ? undefined : [Math.min(...ranges.map((r) => r[0])), Math.max(...ranges.map((r) => r[1]))];
}

function paintArea(m: Mask, a: Area): void {
  const { width: w, height: h } = m;
  if (a.kind === "box") paintBox(m, { x0: a.x0 * w, y0: a.y0 * h, x1: a.x1 * w, y1: a.y1 * h }, 1);
  else if (a.kind === "band") paintBand(m, garmentBand(FAMILY_CLASS[a.family]), "CONTOUR");
  else if (a.kind === "ellipse") paintEllipse(m, a.cx * w, a.cy * h, a.rx * w, a.ry * h, 1);
  else {
    const outside = createMask(w, h);
    paintBox(outside, { x0: 0, y0: 0, x1: w, y1: h }, 1);
    paintEllipse(outside, a.cx * w, a.cy * h, a.rx * w, a.ry * h, 0);
    for (let i = 0; i < m.data.length; i++) m.data[i] |= outside.data[i];
  }
}

/** Rule 3: an ellipse inside the box [x0,x1]×[y0,y1] (fractions), picked by the words' hash. */
function paintHashedEllipse(m: Mask, words: string[], xr: Range, yr: Range): void {
  const rng = mulberry32(fnv1a(words.join(" ")));
  const bw = (xr[1] - xr[0]) * m.width, bh = (yr[1] - yr[0]) * m.height;
  const cx = xr[0] * m.width + bw * (0.3 + 0.4 * rng());
  const cy = yr[0] * m.height + bh * (0.3 + 0.4 * rng());
  paintEllipse(m, cx, cy, bw * (0.16 + 0.12 * rng()), bh * (0.16 + 0.12 * rng()), 1);
}

export function maskPromptRegion(prompt: string, width: number, height: number): Mask {
  const words = tokenize(prompt);
  let xr = union(words.filter((w) => X_WORDS[w]).map((w) => X_WORDS[w]));
  let yr = union(words.filter((w) => Y_WORDS[w]).map((w) => Y_WORDS[w]));
  if (words.some((w) => CENTRE_WORDS.has(w))) {
    xr ??= [0.25, 0.75];
    yr ??= [0.25, 0.75];
  }
  const areas = words.filter((w) => AREA_WORDS[w]).map((w) => AREA_WORDS[w]);
  const isOther = (w: string) =>
    !X_WORDS[w] && !Y_WORDS[w] && !CENTRE_WORDS.has(w) && !AREA_WORDS[w] && !FILLER_WORDS.has(w) && !EVERYTHING_WORDS.has(w);
  const nouns = words.filter(isOther);
  const limit = { x0: (xr ?? [0, 1])[0] * width, x1: (xr ?? [0, 1])[1] * width, y0: (yr ?? [0, 1])[0] * height, y1: (yr ?? [0, 1])[1] * height };

  const m = createMask(width, height);
  if (areas.length > 0) {
    for (const a of areas) paintArea(m, a);
    clipMask(m, limit);
  } else if (nouns.length > 0) {
    paintHashedEllipse(m, nouns, xr ?? [0, 1], yr ?? [0, 1]);
  } else {
    paintBox(m, limit, 1);
  }
  if (countEdit(m) === 0) paintHashedEllipse(m, words, [0, 1], [0, 1]);
  return m;
}
