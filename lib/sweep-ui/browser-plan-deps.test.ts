import { describe, expect, it } from "vitest";
import type { ApiModel } from "@/lib/api-types";
import { buildModelDetail } from "@/lib/emulator/catalog/catalog-json";
import { parseModelDetail } from "@/lib/models/catalog/parse-catalog";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";
import { planSweep } from "@/lib/sweeps/plan-sweep";
import { FLUX_ID, SEEDREAM_ID } from "@/lib/sweeps/test-models";
import { browserPlanDeps, sweepableModels } from "./browser-plan-deps";

const catalogModel = (id: string, over: Partial<ApiModel> = {}): ApiModel => {
  const catalog = parseModelDetail(buildModelDetail(id)).model!;
  return { id, label: catalog.displayName, source: "catalog", tasks: [], status: "active", retiresOn: null, unavailable: null, catalog, ...over };
};
const nova: ApiModel = { id: novaCanvas.id, label: novaCanvas.label, source: "built-in", tasks: [], status: "active", retiresOn: null, unavailable: null, catalog: null };

describe("browserPlanDeps", () => {
  it("builds catalog models from their entries and prices them as the server does", () => {
    const deps = browserPlanDeps([nova, catalogModel(FLUX_ID), catalogModel(SEEDREAM_ID)]);
    const plan = planSweep({ base: { model: novaCanvas.id, task_type: "TEXT_IMAGE", prompt: "a fox", seed: 3 }, axes: [{ field: "model", values: [novaCanvas.id, FLUX_ID, SEEDREAM_ID] }] }, deps);
    expect(plan.refused).toEqual([]);
    expect(plan.totalMicros).toBe(163_500);
  });

  it("refuses a model that cannot run now, with its reason, and lists it as not runnable", () => {
    const gone = catalogModel(FLUX_ID, { unavailable: { reason: "The gateway refuses this model.", since: null } });
    const deps = browserPlanDeps([nova, gone]);
    const plan = planSweep({ base: { model: novaCanvas.id, task_type: "TEXT_IMAGE", prompt: "a fox" }, axes: [{ field: "model", values: [novaCanvas.id, FLUX_ID] }] }, deps);
    expect(plan.refused.map((c) => c.errors)).toEqual([[{ field: "model", message: "The gateway refuses this model." }]]);
    expect(sweepableModels([nova, gone]).map((m) => m.runnable)).toEqual([true, false]);
  });
});
