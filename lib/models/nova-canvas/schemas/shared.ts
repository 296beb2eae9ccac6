/**
 * Pieces every task schema is made of: the shared generation settings, the prompt pair, the
 * output-size pair, and the wrapper that turns a strict object into a task schema with
 * cross-field rules. Field rules and their messages live in field-rules.ts.
 */
import { z } from "zod";
import { normalizeInput } from "@/lib/models/rules/normalize-input";
import { ASPECT_RATIOS, QUALITIES, SIZE_SCALES } from "@/lib/models/nova-canvas/options";
import { type TaskType } from "@/lib/models/task-types";
import {
  CFG_SCALE_MAX,
  CFG_SCALE_MIN,
  DEFAULTS,
  MODEL_ID,
  NEGATIVE_PROMPT_MAX,
  NUMBER_OF_IMAGES_MAX,
  NUMBER_OF_IMAGES_MIN,
  PROMPT_MAX,
  SEED_MAX,
  SEED_MIN,
} from "@/lib/models/nova-canvas/limits";
import { describeValue } from "@/lib/models/rules/describe-value";
import { enumField, rangeField, textField } from "@/lib/models/rules/field-rules";

/** The request as cross-field rules see it: raw values, possibly of the wrong type. */
export type Draft = Record<string, unknown>;
export type Report = (field: string, message: string) => void;
export type CrossRules = (draft: Draft, report: Report) => void;

export const has = (draft: Draft, key: string): boolean => draft[key] !== undefined;

/** Accepted on every task so OpenAI-style clients can send it; the payload builder sets it anyway. */
export const modelField = z
  .literal(MODEL_ID, {
    error: (iss: { input?: unknown }) => `model must be "${MODEL_ID}" (got ${describeValue(iss.input)})`,
  })
  .optional();

export const promptShape = (required: boolean) => ({
  prompt: required ? textField("prompt", PROMPT_MAX) : textField("prompt", PROMPT_MAX).optional(),
  negative_prompt: textField("negative_prompt", NEGATIVE_PROMPT_MAX).optional(),
});

export const settingsShape = {
  quality: enumField("quality", QUALITIES).default(DEFAULTS.quality),
  number_of_images: rangeField("number_of_images", NUMBER_OF_IMAGES_MIN, NUMBER_OF_IMAGES_MAX, {
    integer: true,
  }).default(DEFAULTS.number_of_images),
  cfg_scale: rangeField("cfg_scale", CFG_SCALE_MIN, CFG_SCALE_MAX).default(DEFAULTS.cfg_scale),
  /** Optional: the server fills a random one (ensureSeed) so every stored run is repeatable. */
  seed: rangeField("seed", SEED_MIN, SEED_MAX, { integer: true }).optional(),
};

export const outputSizeShape = {
  aspect_ratio: enumField("aspect_ratio", ASPECT_RATIOS).default(DEFAULTS.aspect_ratio),
  size_scale: enumField("size_scale", SIZE_SCALES).default(DEFAULTS.size_scale),
};

export function unknownFieldMessage(key: string, taskType: TaskType): string {
  return `${key} is not a parameter of ${taskType}`;
}

/** Options for z.strictObject: names each field the task does not use. */
export function strictParams(taskType: TaskType) {
  return {
    error: (iss: { code?: string; keys?: string[] }) =>
      iss.code === "unrecognized_keys"
        ? (iss.keys ?? []).map((k) => unknownFieldMessage(k, taskType)).join("; ")
        : "request body must be a JSON object",
  };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const isObject = (v: unknown): v is Draft => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Turns a task's strict object into its schema. Cross-field rules run even when a field failed
 * (`when`), so a person sees every problem of the form at once, not one per submit.
 */
export function taskSchema<T extends z.ZodObject>(object: T, rules: CrossRules) {
  return z
    .preprocess(normalizeInput, object)
    .superRefine(
      (value, ctx) => {
        rules(value as Draft, (field, message) => ctx.addIssue({ code: "custom", message, path: [field] }));
      },
      { when: (payload) => isObject(payload.value) },
    )
    .transform((value) => dropUndefined(value));
}

/** Shared XOR message for "exactly one of" rules. */
export function eitherMessage(a: string, b: string): string {
  return `give either ${a} or ${b}, not both`;
}
