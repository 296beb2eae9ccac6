/**
 * A catalog model's price per returned image for one run's parameters. Pricing rows may depend
 * on parameters (one model prices `model_variant` standard and pro apart, contract §7): the row
 * whose conditions the run meets, the most specific first; else the lowest image price.
 */
import type { CatalogModel } from "@/lib/models/catalog/catalog-model";

export function catalogPrice(
  model: Pick<CatalogModel, "imagePrices" | "imagePriceMicros">,
  params: Record<string, unknown>,
  /** The app's name → the catalog's name, for reading conditions (written in the catalog's names). */
  wireNames: ReadonlyMap<string, string>,
): number {
  const byWire: Record<string, string> = {};
  for (const [app, wire] of wireNames) if (params[app] !== undefined) byWire[wire] = String(params[app]);
  const matching = model.imagePrices
    .filter((row) => Object.entries(row.conditions).every(([key, values]) => byWire[key] !== undefined && values.includes(byWire[key])))
    .sort((a, b) => Object.keys(b.conditions).length - Object.keys(a.conditions).length);
  return matching[0]?.priceMicros ?? model.imagePriceMicros ?? 0;
}
