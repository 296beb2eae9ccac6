/**
 * What the user types for an axis's values, turned into the values (A1111's X/Y/Z syntax):
 *
 *   3, 6, 9            a list (text values may be "quoted, with commas")
 *   1-10 [5]           a range by count: 1, 3.25, 5.5, 7.75, 10 (whole numbers for integer fields)
 *   2-8 (+2)           a range by step: 2, 4, 6, 8 ((-2) counts down)
 *   1-5                a range of whole steps: 1, 2, 3, 4, 5
 *   4 random           seeds only: four random seeds, drawn now so the sweep can be re-read
 *
 * Parts combine: `1, 4-6, 9`. Only the syntax is checked here; whether a value is allowed (a
 * range, an option) is the model's schema's word, per cell, when the sweep is planned.
 */
import { SWEEP_LIMITS, type AxisValue } from "./sweep-axis";

export type ParsedAxis = { ok: true; values: AxisValue[] } | { ok: false; message: string };

export type AxisValueKind = "number" | "integer" | "text" | "boolean" | "seed";

const NUM = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
const RANGE = new RegExp(String.raw`^(${NUM})\s*-\s*(${NUM})\s*(?:\[\s*(\d+)\s*\]|\(\s*(${NUM})\s*\))?$`);
const RANDOM = /^(\d+)\s+random$/i;
const MAX = SWEEP_LIMITS.maxValuesPerAxis;

/** Splits on commas outside double quotes; `""` inside quotes is a quote. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === "," && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Rounds away binary noise (0.1 + 0.2) without losing the user's decimals. */
const tidy = (n: number) => Number(n.toPrecision(12));

function expandRange(match: RegExpMatchArray, integer: boolean): number[] | string {
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (match[3] !== undefined) {
    const count = Number(match[3]);
    if (count < 1) return `${match[0]}: the count in [ ] must be at least 1`;
    if (count > MAX) return `${match[0]}: at most ${MAX} values`;
    if (count === 1) return [from];
    const values = Array.from({ length: count }, (_, i) => tidy(from + ((to - from) * i) / (count - 1)));
    return integer ? values.map(Math.round) : values;
  }
  const step = match[4] !== undefined ? Number(match[4]) : to >= from ? 1 : -1;
  if (step === 0) return `${match[0]}: the step must not be 0`;
  if ((to - from) / step < 0) return `${match[0]}: a step of ${step} never gets from ${from} to ${to}`;
  const count = Math.floor(tidy((to - from) / step)) + 1;
  if (count > MAX) return `${match[0]}: ${count} values, at most ${MAX}`;
  const values = Array.from({ length: count }, (_, i) => tidy(from + step * i));
  return integer ? values.map(Math.round) : values;
}

function parseNumbers(text: string, integer: boolean, random?: () => number, seedRange?: [number, number]): ParsedAxis {
  const values: number[] = [];
  for (const part of splitList(text)) {
    const rnd = RANDOM.exec(part);
    if (rnd && random && seedRange) {
      const count = Number(rnd[1]);
      if (count < 1 || count > MAX) return { ok: false, message: `${part}: between 1 and ${MAX} random seeds` };
      const [lo, hi] = seedRange;
      for (let i = 0; i < count; i++) values.push(lo + Math.floor(random() * (hi - lo + 1)));
      continue;
    }
    const range = RANGE.exec(part);
    if (range) {
      const expanded = expandRange(range, integer);
      if (typeof expanded === "string") return { ok: false, message: expanded };
      values.push(...expanded);
      continue;
    }
    const n = Number(part);
    if (!new RegExp(`^${NUM}$`).test(part) || !Number.isFinite(n)) {
      const hint = random ? `a seed, a range such as 1-10 (+1), or "4 random"` : `a number or a range such as 1-10 [5] or 2-8 (+2)`;
      return { ok: false, message: `"${part}" is not ${hint}` };
    }
    if (integer && !Number.isInteger(n)) return { ok: false, message: `"${part}" is not a whole number` };
    values.push(n);
  }
  return finish(values);
}

function parseBooleans(text: string): ParsedAxis {
  const values: boolean[] = [];
  for (const part of splitList(text)) {
    const word = part.toLowerCase();
    if (["true", "on", "yes"].includes(word)) values.push(true);
    else if (["false", "off", "no"].includes(word)) values.push(false);
    else return { ok: false, message: `"${part}" is not on or off` };
  }
  return finish(values);
}

/**
 * Text values; with `options`, each must name one of them (by value or by label, in any case),
 * and an empty text means all of them.
 */
function parseTexts(text: string, options?: readonly string[], optionLabels?: Record<string, string>): ParsedAxis {
  const parts = splitList(text);
  if (!options) return finish(parts);
  if (parts.length === 0) return finish([...options]);
  const values: string[] = [];
  for (const part of parts) {
    const want = part.toLowerCase();
    const hit = options.find((o) => o.toLowerCase() === want || optionLabels?.[o]?.toLowerCase() === want);
    if (!hit) {
      const shown = options.slice(0, 12).map((o) => optionLabels?.[o] ?? o);
      return { ok: false, message: `"${part}" is not one of ${shown.join(", ")}${options.length > 12 ? ", …" : ""}` };
    }
    values.push(hit);
  }
  return finish(values);
}

function finish(values: AxisValue[]): ParsedAxis {
  // The same value twice would run the same cell twice and bill it twice.
  const unique = values.filter((v, i) => values.indexOf(v) === i);
  if (unique.length === 0) return { ok: false, message: "Type at least one value" };
  if (unique.length > MAX) return { ok: false, message: `${unique.length} values, at most ${MAX}` };
  return { ok: true, values: unique };
}

export interface AxisTextOptions {
  kind: AxisValueKind;
  options?: readonly string[];
  optionLabels?: Record<string, string>;
  /** Seeds: the range random seeds are drawn from, and the draw in [0, 1). */
  seedRange?: [number, number];
  random?: () => number;
}

export function parseAxisText(text: string, opts: AxisTextOptions): ParsedAxis {
  if (text.length > SWEEP_LIMITS.maxSourceChars) return { ok: false, message: `At most ${SWEEP_LIMITS.maxSourceChars} characters` };
  switch (opts.kind) {
    case "number":
      return parseNumbers(text, false);
    case "integer":
      return parseNumbers(text, true);
    case "seed":
      return parseNumbers(text, true, opts.random ?? Math.random, opts.seedRange ?? [0, 2 ** 31 - 1]);
    case "boolean":
      return parseBooleans(text);
    case "text":
      return parseTexts(text, opts.options, opts.optionLabels);
  }
}

/** The `{a|b|c}` groups of a prompt, each a ready prompt axis (search = the whole group). */
export function promptAlternatives(prompt: string): { search: string; values: string[] }[] {
  const out: { search: string; values: string[] }[] = [];
  for (const m of prompt.matchAll(/\{([^{}]*\|[^{}]*)\}/g)) {
    const values = m[1].split("|").map((s) => s.trim());
    if (!out.some((g) => g.search === m[0])) out.push({ search: m[0], values: values.filter((v, i) => values.indexOf(v) === i) });
  }
  return out;
}
