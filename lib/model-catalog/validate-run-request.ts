import "server-only";
import type { FieldError } from "@/lib/errors";
import { DEFAULT_MODEL_ID, validateJobRequest, type ModelDefinition, type ModelRequest } from "@/lib/models";
import type { OfferedModel } from "./offered-models";

function unavailableError(offer: OfferedModel, offered: readonly OfferedModel[]): FieldError {
  const others = offered.filter((m) => !m.unavailable && m !== offer).map((m) => m.definition.label);
  const choose = others.length > 0 ? ` Choose another model: ${others.join(", ")}.` : "";
  return { field: "model", message: `${offer.unavailable!.reason}${choose}` };
}

export type RunRequestResult = { ok: true; value: { model: ModelDefinition; request: ModelRequest } } | { ok: false; errors: FieldError[] };

/**
 * A run request checked against the models on offer now: an unknown model is named with the
 * ones that exist, a retired or refused model with the reason and the ones that can run, and
 * the rest by the chosen model's own rules.
 */
export function validateRunRequest(input: unknown, offered: readonly OfferedModel[]): RunRequestResult {
  const byId = new Map(offered.map((m) => [m.definition.id, m]));
  const named = typeof input === "object" && input !== null ? (input as { model?: unknown }).model : undefined;
  const offer = byId.get(typeof named === "string" ? named : named === undefined ? DEFAULT_MODEL_ID : "");
  if (offer?.unavailable) return { ok: false, errors: [unavailableError(offer, offered)] };
  const result = validateJobRequest(input, (id) => byId.get(id)?.definition, () => offered.map((m) => m.definition));
  return result.ok ? { ok: true, value: { model: result.model, request: result.value } } : result;
}
