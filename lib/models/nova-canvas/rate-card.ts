/**
 * What the gateway charges per output image (contract §4), in micro-dollars so sums stay exact
 * integers. Dated: when the gateway changes its prices, change this file and its date.
 */
import type { Quality } from "@/lib/models/nova-canvas/options";

export type PriceTier = "small" | "large";

export interface RateCard {
  /** Month the prices were read from the gateway's page. */
  date: string;
  /** Largest output (in pixels) billed at the small tier: 1024 × 1024. */
  smallTierMaxPixels: number;
  perImageMicros: Record<PriceTier, Record<Quality, number>>;
}

export const RATE_CARD: RateCard = {
  date: "2026-11",
  smallTierMaxPixels: 1_048_576,
  perImageMicros: {
    small: { standard: 120_000, premium: 180_000 },
    large: { standard: 180_000, premium: 240_000 },
  },
};

export const RATE_CARD_DATE = RATE_CARD.date;

/**
 * The tier is the output's pixel count, whatever the task [assumed for aspect_ratio tasks]: so
 * 4:1 small (1280×320 = 409,600 px) is small, and 4:1 large (2048×512 = 1,048,576 px) is small
 * too. Outputs above 2048×2048 do not exist for Nova; they would be billed as large.
 */
export function priceTier(width: number, height: number, card: RateCard = RATE_CARD): PriceTier {
  return width * height <= card.smallTierMaxPixels ? "small" : "large";
}

export function pricePerImageMicros(
  { quality, width, height }: { quality: Quality; width: number; height: number },
  card: RateCard = RATE_CARD,
): number {
  return card.perImageMicros[priceTier(width, height, card)][quality];
}
