/**
 * GET /api/models as the offline server lists it, for unit tests: Nova Canvas built in, and the
 * engine's FLUX.2 [klein] and Seedream entries parsed from the same catalog JSON the engine serves.
 */
import type { ApiModel } from "@/lib/api-types";
import { buildModelDetail } from "@/lib/emulator/catalog/catalog-json";
import { parseModelDetail } from "@/lib/models/catalog/parse-catalog";
import { novaCanvas } from "@/lib/models";

function catalogModel(id: string): ApiModel {
  const catalog = parseModelDetail(buildModelDetail(id)).model!;
  return {
    id,
    label: catalog.displayName,
    source: "catalog",
    tasks: [{ type: "TEXT_IMAGE", label: "Text to image" }],
    status: "active",
    retiresOn: null,
    unavailable: null,
    catalog,
  };
}

export const NOVA: ApiModel = {
  id: novaCanvas.id,
  label: novaCanvas.label,
  source: "built-in",
  tasks: novaCanvas.taskTypes.map((type) => ({ type, label: novaCanvas.taskLabels[type]?.label ?? type })),
  status: "deprecated",
  retiresOn: "2026-09-30",
  unavailable: null,
  catalog: null,
};

export const RETIRED_NOVA: ApiModel = {
  ...NOVA,
  status: "retired",
  unavailable: { reason: "Amazon Nova Canvas was retired on 2026-09-30.", since: "2026-09-30" },
};

export const FLUX = catalogModel("flux-2-klein-4b");
export const SEEDREAM = catalogModel("seedream-5-0-lite");
export const OFFERED: readonly ApiModel[] = [NOVA, FLUX, SEEDREAM];
