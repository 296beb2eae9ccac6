/**
 * The one entry point that turns untrusted input (an API body or the form's draft) into a
 * typed request or a list of field errors. The form and the route call the same function, so
 * a person sees the same message in both places.
 */
import type { z } from "zod";
import type { FieldError } from "@/lib/errors";
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
  return { ok: false, errors: toFieldErrors(result.error.issues, taskType) };
}

/**
 * One FieldError per problem, keyed by the top-level field: "colors" for colors[3] (the
 * message names the index). An unknown-keys issue becomes one error per key.
 */
function toFieldErrors(issues: readonly z.core.$ZodIssue[], taskType: TaskType): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const push = (field: string, message: string) => {
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push({ field, message });
  };
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) push(key, unknownFieldMessage(key, taskType));
      continue;
    }
    const head = issue.path[0];
    push(typeof head === "string" ? head : "", issue.message);
  }
  return errors;
}
