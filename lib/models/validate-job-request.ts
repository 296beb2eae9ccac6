/**
 * The API's entry point: picks the model a request names (or the default) and lets that
 * model's own schema check the rest, so each model's messages name its own fields and limits.
 */
import type { FieldError } from "@/lib/errors";
import type { ModelDefinition, ModelRequest } from "@/lib/models/model-definition";
import { DEFAULT_MODEL_ID, getModel, listModels } from "@/lib/models/registry";
import { describeValue } from "@/lib/models/rules/describe-value";

export type JobRequestResult =
  | { ok: true; model: ModelDefinition; value: ModelRequest }
  | { ok: false; errors: FieldError[] };

export function validateJobRequest(
  input: unknown,
  lookup: (id: string) => ModelDefinition | undefined = getModel,
  known: () => readonly ModelDefinition[] = listModels,
): JobRequestResult {
  const raw = typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
  const id = raw?.model === undefined ? DEFAULT_MODEL_ID : raw.model;
  const model = typeof id === "string" ? lookup(id) : undefined;
  if (!model) {
    const ids = known().map((m) => m.id).join(", ");
    return { ok: false, errors: [{ field: "model", message: `model must be one of ${ids} (got ${describeValue(id)})` }] };
  }
  const result = model.validate(input);
  return result.ok ? { ok: true, model, value: result.value } : result;
}
