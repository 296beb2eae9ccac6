/**
 * Which model the form runs on, from the offered list (GET /api/models) and the remembered id:
 * pure, so the rules are unit-tested. A remembered model that is still listed stays chosen even
 * when it cannot run (the form says why and offers the others); one no longer listed gives way
 * to the first model that can run.
 */
import type { ApiModel } from "@/lib/api-types";
import { definitionOf } from "@/lib/queries/use-models";

/** Why a listed model cannot take a run now, in one sentence without its full stop; null when it can. */
export function whyUnavailable(model: ApiModel): string | null {
  if (model.unavailable) return model.unavailable.reason.replace(/\.$/, "");
  if (model.status === "retired") return `${model.label} was retired${model.retiresOn ? ` on ${model.retiresOn}` : ""}`;
  if (!definitionOf(model)) return `${model.label} cannot be run from this playground`;
  return null;
}

export const canRun = (model: ApiModel) => whyUnavailable(model) === null;

/** The id the form should show: the remembered one while listed, else the first that can run. */
export function resolveModelId(models: readonly ApiModel[], remembered: string): string | null {
  if (models.some((m) => m.id === remembered)) return remembered;
  return models.find(canRun)?.id ?? null;
}

/** The picker's note beside a model's name: why it cannot run, or when it retires. */
export function modelNote(model: ApiModel): string | null {
  const why = whyUnavailable(model);
  // "Amazon Nova Canvas was retired on …" reads "retired on …" beside the name.
  if (why) return why.startsWith(`${model.label} `) ? why.slice(model.label.length + 1).replace(/^was /, "") : `unavailable: ${why}`;
  if (model.status === "deprecated") return model.retiresOn ? `deprecated, retires ${model.retiresOn}` : "deprecated";
  return null;
}
