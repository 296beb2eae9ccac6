/**
 * Shared by the *.test.ts files of this folder only: one minimal valid request per task, and
 * helpers that fail loudly when validation does not go the expected way.
 */
import type { FieldError } from "@/lib/errors";
import type { TaskType } from "@/lib/models/task-types";
import type { GenerationRequest } from "@/lib/models/nova-canvas/schemas";
import { validateGenerationRequest } from "@/lib/models/nova-canvas/validate";

export const IMG = "https://example.com/person.png";
export const IMG2 = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==";
export const MASK = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ";

export const VALID: Record<TaskType, Record<string, unknown>> = {
  TEXT_IMAGE: { task_type: "TEXT_IMAGE", prompt: "a lighthouse at dusk" },
  IMAGE_VARIATION: { task_type: "IMAGE_VARIATION", image: IMG },
  INPAINTING: { task_type: "INPAINTING", image: IMG, mask_image: MASK },
  OUTPAINTING: { task_type: "OUTPAINTING", prompt: "a beach", image: IMG, mask_prompt: "the bottle" },
  COLOR_GUIDED_GENERATION: { task_type: "COLOR_GUIDED_GENERATION", prompt: "a poster", colors: ["#FF8800"] },
  BACKGROUND_REMOVAL: { task_type: "BACKGROUND_REMOVAL", image: IMG },
  VIRTUAL_TRY_ON: {
    task_type: "VIRTUAL_TRY_ON",
    image: IMG,
    reference_image: IMG2,
    mask_type: "GARMENT",
    garment_class: "UPPER_BODY",
  },
};

export function variant(task: TaskType, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...VALID[task], ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete out[k];
  return out;
}

export function parseOk(input: unknown): GenerationRequest {
  const result = validateGenerationRequest(input);
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

export function errorsOf(input: unknown): FieldError[] {
  const result = validateGenerationRequest(input);
  if (result.ok) throw new Error(`expected errors, got valid ${JSON.stringify(result.value)}`);
  return result.errors;
}

/** The messages reported for one field. */
export function messagesFor(input: unknown, field: string): string[] {
  return errorsOf(input)
    .filter((e) => e.field === field)
    .map((e) => e.message);
}
