/**
 * Every parameter of POST /api/jobs, what kind of value it takes, and values that can never be
 * valid for it. The fuzz run must not start real work on the engine, so every job request it
 * sends is broken on purpose; these lists exist to keep it so. Limits and options come from the
 * model definition itself (lib/models), so a changed limit moves the fuzz values with it.
 */
import {
  CFG_SCALE_MAX,
  CFG_SCALE_MIN,
  COLORS_MAX,
  CONTROL_STRENGTH_MAX,
  CONTROL_STRENGTH_MIN,
  MASK_PROMPT_MAX,
  NEGATIVE_PROMPT_MAX,
  NUMBER_OF_IMAGES_MAX,
  NUMBER_OF_IMAGES_MIN,
  PROMPT_MAX,
  SEED_MAX,
  SEED_MIN,
  SIMILARITY_STRENGTH_MAX,
  SIMILARITY_STRENGTH_MIN,
  VARIATION_IMAGES_MAX,
} from "../../../lib/models/nova-canvas/limits";
import { novaCanvas } from "../../../lib/models/nova-canvas/definition";
import * as OPTIONS from "../../../lib/models/nova-canvas/options";
import { raw, RawJson } from "./json-text";
import { ABSURD_NUMBERS, NASTY_TEXT, ODD_TEXT, overlong, WRONG_TYPES } from "./hostile-values";
import type { Prng } from "./prng";

export type Kind =
  | { kind: "text"; max: number; blankIsAbsent?: boolean }
  | { kind: "number"; min: number; max: number; integer?: boolean }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "boolean" }
  | { kind: "image" }
  | { kind: "images"; max: number }
  | { kind: "colors"; max: number }
  | { kind: "literal"; value: string };

export const JOB_FIELDS: Record<string, Kind> = {
  model: { kind: "literal", value: novaCanvas.id },
  task_type: { kind: "enum", values: OPTIONS.TASK_TYPES },
  prompt: { kind: "text", max: PROMPT_MAX },
  // "" and blanks count as absent (the gateway must never get ""), so they are not invalid here.
  negative_prompt: { kind: "text", max: NEGATIVE_PROMPT_MAX, blankIsAbsent: true },
  mask_prompt: { kind: "text", max: MASK_PROMPT_MAX },
  inpaint_mask_prompt: { kind: "text", max: MASK_PROMPT_MAX },
  quality: { kind: "enum", values: OPTIONS.QUALITIES },
  number_of_images: { kind: "number", min: NUMBER_OF_IMAGES_MIN, max: NUMBER_OF_IMAGES_MAX, integer: true },
  cfg_scale: { kind: "number", min: CFG_SCALE_MIN, max: CFG_SCALE_MAX },
  seed: { kind: "number", min: SEED_MIN, max: SEED_MAX, integer: true },
  aspect_ratio: { kind: "enum", values: OPTIONS.ASPECT_RATIOS },
  size_scale: { kind: "enum", values: OPTIONS.SIZE_SCALES },
  style: { kind: "enum", values: OPTIONS.STYLES },
  control_mode: { kind: "enum", values: OPTIONS.CONTROL_MODES },
  control_strength: { kind: "number", min: CONTROL_STRENGTH_MIN, max: CONTROL_STRENGTH_MAX },
  similarity_strength: { kind: "number", min: SIMILARITY_STRENGTH_MIN, max: SIMILARITY_STRENGTH_MAX },
  outpainting_mode: { kind: "enum", values: OPTIONS.OUTPAINTING_MODES },
  image: { kind: "image" },
  images: { kind: "images", max: VARIATION_IMAGES_MAX },
  reference_image: { kind: "image" },
  mask_image: { kind: "image" },
  colors: { kind: "colors", max: COLORS_MAX },
  mask_type: { kind: "enum", values: OPTIONS.MASK_TYPES },
  garment_class: { kind: "enum", values: OPTIONS.GARMENT_CLASSES },
  mask_shape: { kind: "enum", values: OPTIONS.MASK_SHAPES },
  long_sleeve_style: { kind: "enum", values: OPTIONS.LONG_SLEEVE_STYLES },
  tucking_style: { kind: "enum", values: OPTIONS.TUCKING_STYLES },
  outer_layer_style: { kind: "enum", values: OPTIONS.OUTER_LAYER_STYLES },
  preserve_body_pose: { kind: "enum", values: OPTIONS.PRESERVE_OPTIONS },
  preserve_hands: { kind: "enum", values: OPTIONS.PRESERVE_OPTIONS },
  preserve_face: { kind: "enum", values: OPTIONS.PRESERVE_OPTIONS },
  merge_style: { kind: "enum", values: OPTIONS.MERGE_STYLES },
  return_mask: { kind: "boolean" },
};

/** The number a JSON value stands for, or null when it is not a JSON number. */
function asNumber(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (value instanceof RawJson && /^-?\d/.test(value.text)) {
    const n = Number(value.text);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

const BAD_URLS = [
  "",
  "   ",
  "https://example.com/fox\u0000.png",
  "https://example.com/\ud800.png",
  "javascript:alert(1)",
  "file:///etc/passwd",
  "ftp://example.com/a.png",
  "not base64 at all!",
  "https://",
];

/** Values the field can never accept (checked against its own rule where the type is right). */
export function invalidValues(kind: Kind, rng: Prng): unknown[] {
  switch (kind.kind) {
    case "text": {
      const blanks = kind.blankIsAbsent ? [] : ["", "   ", "\t\n"];
      return [...NASTY_TEXT, ...blanks, overlong(kind.max + 1 + rng.int(3000)), ...WRONG_TYPES, ...ABSURD_NUMBERS];
    }
    case "number": {
      const candidates = [
        kind.min - 0.001,
        kind.max + 0.001,
        kind.min - 1,
        kind.max * 1000 + 1,
        raw("-0"),
        kind.integer ? kind.min + 0.5 : raw("1e309"),
        ...ABSURD_NUMBERS,
        ...WRONG_TYPES,
        String(kind.min),
        "NaN",
        "Infinity",
        "1e309",
        ...NASTY_TEXT,
      ];
      return candidates.filter((v) => {
        const n = asNumber(v);
        if (n === null) return true;
        return !(Number.isFinite(n) && n >= kind.min && n <= kind.max && (!kind.integer || Number.isInteger(n)));
      });
    }
    case "enum":
    case "literal": {
      const members = kind.kind === "enum" ? kind.values : [kind.value];
      const variants = members.flatMap((m) => [m.toLowerCase(), m.toUpperCase(), ` ${m}`, `${m}\u0000`]);
      return [...variants, ...NASTY_TEXT, ...ODD_TEXT, ...WRONG_TYPES, ...ABSURD_NUMBERS, ""].filter(
        (v) => !(typeof v === "string" && members.includes(v)),
      );
    }
    case "boolean":
      return ["true", "false", 1, 0, null, [], {}, raw("-0"), ...NASTY_TEXT];
    case "image":
      return [...BAD_URLS, ...WRONG_TYPES, ...ABSURD_NUMBERS];
    case "images":
      return [
        [],
        Array(kind.max + 1).fill("https://example.com/a.png"),
        ["https://example.com/a.png", 7],
        [{ toString: 1 }],
        ...BAD_URLS.map((u) => [u]),
        "https://example.com/a.png",
        ...WRONG_TYPES.filter((v) => !Array.isArray(v) || v.length > 0),
      ];
    case "colors":
      return [
        [],
        Array.from({ length: kind.max + 1 }, (_, i) => `#${String(i).padStart(6, "0")}`),
        ["#FFF"],
        ["#GG0000"],
        ["#FF0000\u0000"],
        ["#FF00\ud800"],
        [255],
        [{ toString: 1 }],
        "#FF0000",
        null,
        {},
      ];
  }
}
