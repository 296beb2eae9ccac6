/**
 * The one entry point that turns untrusted input (an API body or the form's draft) into a
 * typed request or a list of field errors. The form and the route call the same function, so
 * a person sees the same message in both places.
 */
import type { FieldError } from "@/lib/errors";
import { toFieldErrors } from "@/lib/field-errors";
import { isTaskType, TASK_TYPES, type TaskType } from "@/lib/models/task-types";
import { TASK_SCHEMAS, type GenerationRequest } from "@/lib/models/nova-canvas/schemas";
import { describeValue } from "@/lib/models/rules/describe-value";
import { unknownFieldMessage } from "@/lib/models/nova-canvas/schemas/shared";

export type ValidationResult = { ok: true; value: GenerationRequest } | { ok: false; errors: FieldError[] };

/** The contract names TEXT_IMAGE as the default task type. */
export const DEFAULT_TASK_TYPE: TaskType = "TEXT_IMAGE";

export function validateGenerationRequest(input: unknown): ValidationResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: "", message: "request body must be a JSON object" }] };
  }
  const raw = input as Record<string, unknown>;
  const taskType = raw.task_type === undefined ? DEFAULT_TASK_TYPE : raw.task_type;
  if (!isTaskType(taskType)) {
    // Without a known task there is no schema to check the rest against.
    const message = `task_type must be one of ${TASK_TYPES.join(", ")} (got ${describeValue(taskType)})`;
    return { ok: false, errors: [{ field: "task_type", message }] };
  }
  const result = TASK_SCHEMAS[taskType].safeParse({ ...raw, task_type: taskType });
  if (result.success) return { ok: true, value: result.data as GenerationRequest };
  return { ok: false, errors: toFieldErrors(result.error.issues, (key) => unknownFieldMessage(key, taskType)) };
}
