import "server-only";
import type { ApiModel } from "@/lib/api-types";
import type { OfferedModel } from "@/lib/model-catalog/offered-models";
import { getRuntime } from "./runtime";

export function toApiModel({ definition: d, catalog, unavailable }: OfferedModel): ApiModel {
  return {
    id: d.id,
    label: d.label,
    source: d.source,
    tasks: d.taskTypes.map((type) => ({ type, label: d.taskLabels[type]?.label ?? type })),
    status: d.lifecycle.status,
    retiresOn: d.lifecycle.retiresOn,
    unavailable,
    catalog,
  };
}

/** What GET /api/models lists: the built-in models and the catalog's, each with its state. */
export async function readOfferedModels(): Promise<ApiModel[]> {
  const rt = await getRuntime();
  return (await rt.models.offered()).map(toApiModel);
}
