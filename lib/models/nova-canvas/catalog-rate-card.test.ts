import { describe, expect, it } from "vitest";
import type { CatalogImagePrice } from "@/lib/models/catalog/catalog-model";
import { rateCardFromCatalog, sameRates } from "@/lib/models/nova-canvas/catalog-rate-card";
import { novaCanvas } from "@/lib/models/nova-canvas/definition";
import { RATE_CARD } from "@/lib/models/nova-canvas/rate-card";

const row = (tier: string, quality: string, priceMicros: number): CatalogImagePrice => ({
  priceMicros,
  conditions: { quality: [quality], size_tier: [tier] },
});
const raised = [row("small", "standard", 130_000), row("small", "premium", 190_000), row("large", "standard", 200_000), row("large", "premium", 260_000)];

describe("Nova Canvas priced from the catalog", () => {
  it("reads a rate card when the catalog prices every tier and quality", () => {
    const card = rateCardFromCatalog(raised, RATE_CARD);
    expect(card?.perImageMicros).toEqual({ small: { standard: 130_000, premium: 190_000 }, large: { standard: 200_000, premium: 260_000 } });
    expect(card?.smallTierMaxPixels).toBe(RATE_CARD.smallTierMaxPixels);
  });

  it("keeps the dated rate card when the catalog prices only some, or prices nothing", () => {
    expect(rateCardFromCatalog(raised.slice(0, 3), RATE_CARD)).toBeNull();
    expect(rateCardFromCatalog([], RATE_CARD)).toBeNull();
    expect(rateCardFromCatalog([...raised.slice(0, 3), row("large", "premium", 0)], RATE_CARD)).toBeNull();
  });

  it("prices estimates and returned images from the catalog's card", () => {
    const priced = novaCanvas.withCatalogPrices!(raised);
    expect(priced.estimateCost({ task_type: "TEXT_IMAGE", number_of_images: 2 }).totalMicros).toBe(260_000);
    expect(priced.outputPriceMicros({ quality: "premium" }, { width: 2048, height: 2048 })).toBe(260_000);
    expect(priced.id).toBe(novaCanvas.id);
  });

  it("is the same definition when the catalog agrees with the rate card", () => {
    const same = [row("small", "standard", 120_000), row("small", "premium", 180_000), row("large", "standard", 180_000), row("large", "premium", 240_000)];
    expect(novaCanvas.withCatalogPrices!(same)).toBe(novaCanvas);
    expect(sameRates(rateCardFromCatalog(same, RATE_CARD)!, RATE_CARD)).toBe(true);
  });
});
