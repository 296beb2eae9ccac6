/**
 * The sweep preview's PlanDeps in the browser: the models on offer (GET /api/models) built into
 * definitions exactly as the server builds them (definitionOf), and each cell checked as the
 * server's validateRunRequest checks it: a model that cannot run now is refused with its reason,
 * the rest by the model's own schema.
 */
import type { ApiModel } from "@/lib/api-types";
import type { ModelDefinition, Size } from "@/lib/models/model-definition";
import { validateJobRequest } from "@/lib/models/validate-job-request";
import { whyUnavailable } from "@/lib/playground-form/model-choice";
import { definitionOf } from "@/lib/queries/use-models";
import type { PlanDeps } from "@/lib/sweeps/plan-sweep";

export function browserPlanDeps(models: readonly ApiModel[], inputSize?: Size): PlanDeps {
  const byId = new Map<string, { api: ApiModel; definition: ModelDefinition }>();
  for (const api of models) {
    const definition = definitionOf(api);
    if (definition) byId.set(api.id, { api, definition });
  }
  const known = () => [...byId.values()].map((m) => m.definition);
  return {
    inputSize,
    model: (id) => byId.get(id)?.definition,
    check: (request) => {
      const offer = typeof request.model === "string" ? byId.get(request.model) : undefined;
      const why = offer ? whyUnavailable(offer.api) : null;
      if (why) return { ok: false, errors: [{ field: "model", message: `${why}.` }] };
      const r = validateJobRequest(request, (id) => byId.get(id)?.definition, known);
      return r.ok ? { ok: true, model: r.model, request: r.value } : r;
    },
  };
}

/** The models an axis may offer: those the browser can build rules for, with whether they can run. */
export function sweepableModels(models: readonly ApiModel[]): { id: string; label: string; runnable: boolean }[] {
  return models.filter((m) => definitionOf(m) !== null).map((m) => ({ id: m.id, label: m.label, runnable: whyUnavailable(m) === null }));
}
