/** The models the offline engine offers, as definitions, for the sweep tests (no server). */
import { buildModelDetail } from "@/lib/emulator/catalog/catalog-json";
import { catalogDefinition } from "@/lib/models/catalog/catalog-definition";
import { parseModelDetail } from "@/lib/models/catalog/parse-catalog";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";
import { validateJobRequest } from "@/lib/models/validate-job-request";
import type { ModelDefinition } from "@/lib/models/model-definition";
import type { PlanDeps } from "./plan-sweep";

export const FLUX_ID = "flux-2-klein-4b";
export const SEEDREAM_ID = "seedream-5-0-lite";

function fromCatalog(id: string): ModelDefinition {
  return catalogDefinition(parseModelDetail(buildModelDetail(id)).model!).definition!;
}

export const TEST_MODELS: readonly ModelDefinition[] = [novaCanvas, fromCatalog(FLUX_ID), fromCatalog(SEEDREAM_ID)];

const byId = new Map(TEST_MODELS.map((m) => [m.id, m]));

export const testPlanDeps: PlanDeps = {
  model: (id) => byId.get(id),
  check: (request) => {
    const r = validateJobRequest(request, (id) => byId.get(id), () => TEST_MODELS);
    return r.ok ? { ok: true, model: r.model, request: r.value } : r;
  },
};
