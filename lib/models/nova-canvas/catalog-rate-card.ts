/**
 * Nova Canvas's prices as the gateway's catalog states them (contract §7), when it states all of
 * them: one image pricing row per size tier and quality, with conditions `quality` and
 * `size_tier` (the shape the offline engine serves; [assumed] for the gateway). A catalog that
 * prices only some of them is not trusted for any: the dated rate card stays.
 */
import type { CatalogImagePrice } from "@/lib/models/catalog/catalog-model";
import { QUALITIES } from "@/lib/models/nova-canvas/options";
import type { PriceTier, RateCard } from "@/lib/models/nova-canvas/rate-card";

const TIERS: readonly PriceTier[] = ["small", "large"];

function priceOf(rows: readonly CatalogImagePrice[], tier: PriceTier, quality: string): number | null {
  const row = rows.find((r) => r.conditions.size_tier?.includes(tier) && r.conditions.quality?.includes(quality));
  return row ? row.priceMicros : null;
}

export function rateCardFromCatalog(rows: readonly CatalogImagePrice[], base: RateCard): RateCard | null {
  const perImageMicros = { small: { ...base.perImageMicros.small }, large: { ...base.perImageMicros.large } };
  for (const tier of TIERS) {
    for (const quality of QUALITIES) {
      const price = priceOf(rows, tier, quality);
      if (price === null || price <= 0) return null;
      perImageMicros[tier][quality] = price;
    }
  }
  return { ...base, date: "the gateway's catalog", perImageMicros };
}

export function sameRates(a: RateCard, b: RateCard): boolean {
  return TIERS.every((t) => QUALITIES.every((q) => a.perImageMicros[t][q] === b.perImageMicros[t][q]));
}
