import "server-only";
import type { CatalogModel } from "@/lib/models/catalog";
import { catalogDefinition } from "@/lib/models/catalog/catalog-definition";
import { getModel, listModels, type ModelDefinition } from "@/lib/models";

/** A model the playground offers, and why it cannot run now (null when it can). */
export interface OfferedModel {
  definition: ModelDefinition;
  /**
   * The model's catalog entry, when the catalog lists it: the browser builds the same definition
   * from it (a catalog model's whole definition, a hand-written model's catalog prices).
   */
  catalog: CatalogModel | null;
  unavailable: { reason: string; since: string | null } | null;
}

/** A model the gateway refused to run (model_not_found / model_unavailable), and when. */
export interface Refusal {
  reason: string;
  at: string;
}

function retiredReason(d: ModelDefinition): OfferedModel["unavailable"] {
  if (d.lifecycle.status !== "retired") return null;
  const when = d.lifecycle.retiresOn ? ` on ${d.lifecycle.retiresOn}` : "";
  return { reason: `${d.label} was retired${when}.`, since: d.lifecycle.retiresOn };
}

/**
 * The built-in models, then the catalog's image models that have no hand-written definition.
 * A hand-written definition wins over the catalog's, but takes its prices from the catalog when
 * it can (`withCatalogPrices`), and the catalog's lifecycle still counts: when the gateway says
 * a built-in model is retired, it is. `onSkipped` hears what a catalog entry had that the app
 * could not offer.
 */
export function mergeOffered(
  catalog: readonly CatalogModel[],
  refusals: ReadonlyMap<string, Refusal>,
  onSkipped: (modelId: string, skipped: string[]) => void = () => {},
): OfferedModel[] {
  const byId = new Map(catalog.map((c) => [c.id, c]));
  const out: OfferedModel[] = [];
  for (const builtIn of listModels()) {
    const entry = byId.get(builtIn.id);
    const priced = entry && builtIn.withCatalogPrices ? builtIn.withCatalogPrices(entry.imagePrices) : builtIn;
    const definition: ModelDefinition =
      entry?.status === "retired"
        ? { ...priced, lifecycle: { status: "retired", retiresOn: entry.retiresOn ?? priced.lifecycle.retiresOn } }
        : priced;
    out.push({ definition, catalog: entry ?? null, unavailable: retiredReason(definition) });
  }
  for (const entry of catalog) {
    if (getModel(entry.id)) continue;
    const { definition, skipped } = catalogDefinition(entry);
    if (skipped.length > 0) onSkipped(entry.id, skipped);
    if (definition) out.push({ definition, catalog: entry, unavailable: retiredReason(definition) });
  }
  return out.map((m) => {
    const refusal = refusals.get(m.definition.id);
    return refusal && !m.unavailable ? { ...m, unavailable: { reason: refusal.reason, since: refusal.at.slice(0, 10) } } : m;
  });
}
