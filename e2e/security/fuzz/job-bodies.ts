/**
 * Bodies for POST /api/jobs: a valid request of one task type with exactly one thing broken
 * (a field, a missing requirement, an unknown key, two fields that exclude each other), so every
 * one is refused and no job ever runs; the other fields may carry odd but valid text to show it
 * passes through. Whole-body breakage (wrong type, malformed JSON) is in request-bodies.ts.
 */
import type { TaskType } from "../../../lib/models/task-types";
import { brokenCatalogJobBody } from "./catalog-job-bodies";
import { ODD_TEXT, PROTO_KEYS } from "./hostile-values";
import { invalidValues, JOB_FIELDS } from "./job-fields";
import { jsonText, raw, withKey } from "./json-text";
import type { Prng } from "./prng";

const URL_IMAGE = "https://example.com/fox.png";
const DATA_IMAGE = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** One valid request per task, and the fields it cannot do without. */
const BASES: Record<TaskType, { body: Record<string, unknown>; required: string[] }> = {
  TEXT_IMAGE: { body: { task_type: "TEXT_IMAGE", prompt: "a lighthouse at dusk", quality: "standard", number_of_images: 1, seed: 7 }, required: ["prompt"] },
  IMAGE_VARIATION: { body: { task_type: "IMAGE_VARIATION", image: URL_IMAGE, similarity_strength: 0.7 }, required: ["image"] },
  INPAINTING: { body: { task_type: "INPAINTING", image: URL_IMAGE, mask_prompt: "the boat" }, required: ["image", "mask_prompt"] },
  OUTPAINTING: { body: { task_type: "OUTPAINTING", prompt: "a beach", image: DATA_IMAGE, mask_prompt: "the bottle" }, required: ["prompt", "image", "mask_prompt"] },
  COLOR_GUIDED_GENERATION: { body: { task_type: "COLOR_GUIDED_GENERATION", prompt: "a poster", colors: ["#FF8800"] }, required: ["prompt", "colors"] },
  BACKGROUND_REMOVAL: { body: { task_type: "BACKGROUND_REMOVAL", image: DATA_IMAGE }, required: ["image"] },
  VIRTUAL_TRY_ON: {
    body: { task_type: "VIRTUAL_TRY_ON", image: URL_IMAGE, reference_image: DATA_IMAGE, mask_type: "GARMENT", garment_class: "UPPER_BODY" },
    required: ["image", "reference_image", "mask_type", "garment_class"],
  },
};

/** Pairs the task's own rules refuse together. */
const CONFLICTS: Record<TaskType, Record<string, unknown>[]> = {
  TEXT_IMAGE: [{ control_mode: "CANNY_EDGE" }, { control_strength: 0.5 }],
  IMAGE_VARIATION: [{ images: [URL_IMAGE] }],
  INPAINTING: [{ mask_image: DATA_IMAGE }, { inpaint_mask_prompt: "the sky" }],
  OUTPAINTING: [{ mask_image: DATA_IMAGE }],
  COLOR_GUIDED_GENERATION: [{ image: URL_IMAGE }],
  BACKGROUND_REMOVAL: [{ prompt: "a fox" }, { number_of_images: 2 }],
  VIRTUAL_TRY_ON: [{ mask_type: "IMAGE" }, { mask_prompt: "shirt" }, { mask_type: "PROMPT", tucking_style: "TUCKED" }],
};

/** Fields of other tasks, unknown to this one. */
const FOREIGN_KEY: Record<TaskType, string> = {
  TEXT_IMAGE: "colors",
  IMAGE_VARIATION: "style",
  INPAINTING: "outpainting_mode",
  OUTPAINTING: "inpaint_mask_prompt",
  COLOR_GUIDED_GENERATION: "similarity_strength",
  BACKGROUND_REMOVAL: "seed",
  VIRTUAL_TRY_ON: "prompt",
};

export interface JobBody {
  /** The JSON text sent. */
  text: string;
  /** What was broken, for the failure report. */
  what: string;
}

/** Odd but valid text in the free-text fields that are not the broken one. */
function decorate(body: Record<string, unknown>, rng: Prng, broken: string): Record<string, unknown> {
  const out = { ...body };
  for (const field of ["prompt", "mask_prompt"]) {
    if (field !== broken && typeof out[field] === "string" && rng.chance(0.3)) out[field] = rng.pick(ODD_TEXT);
  }
  return out;
}

export function brokenJobBody(rng: Prng): JobBody {
  // One in five names a catalog model (its own fields and limits).
  if (rng.chance(0.2)) return brokenCatalogJobBody(rng);
  const task = rng.pick(Object.keys(BASES) as TaskType[]);
  const { body, required } = BASES[task];
  const strategy = rng.int(10);
  if (strategy < 6) {
    // One field of the task (present or not) set to a value it can never take.
    const field = rng.pick([...Object.keys(body), "prompt", "negative_prompt", "quality", "cfg_scale", "seed", "number_of_images", "task_type", "model"]);
    const value = rng.pick(invalidValues(JOB_FIELDS[field], rng));
    return { text: jsonText(decorate({ ...body, [field]: value }, rng, field)), what: `${task}: ${field} broken` };
  }
  if (strategy === 6) {
    const field = rng.pick(required);
    const rest = { ...body };
    delete rest[field];
    return { text: jsonText(decorate(rest, rng, field)), what: `${task}: required ${field} missing` };
  }
  if (strategy === 7) {
    // "__proto__" most of all: JSON.parse makes it an own key, and a careless copy a prototype.
    const key = rng.pick(["__proto__", "__proto__", rng.pick(PROTO_KEYS), FOREIGN_KEY[task]]);
    const value = rng.pick<unknown>([{ number_of_images: 5, quality: "premium" }, "x", null, 1, ["a"], raw("1e309")]);
    return { text: jsonText(withKey(decorate(body, rng, ""), key, value)), what: `${task}: unknown key ${key}` };
  }
  if (strategy === 8) {
    const conflict = rng.pick(CONFLICTS[task]);
    return { text: jsonText(decorate({ ...body, ...conflict }, rng, "")), what: `${task}: conflicting ${Object.keys(conflict).join(", ")}` };
  }
  // A repeated key whose last (winning) copy is broken.
  const field = rng.pick(Object.keys(body));
  const value = rng.pick(invalidValues(JOB_FIELDS[field], rng));
  const text = jsonText(body).replace(/\}$/, `,${JSON.stringify(field)}:${jsonText(value)}}`);
  return { text, what: `${task}: ${field} repeated, last copy broken` };
}

/** Every field the fuzz knows, for the check that the model has no field it forgets. */
export const KNOWN_JOB_FIELDS = Object.keys(JOB_FIELDS);
