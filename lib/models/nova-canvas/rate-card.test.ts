import { describe, expect, it } from "vitest";
import { pricePerImageMicros, priceTier, RATE_CARD } from "@/lib/models/nova-canvas/rate-card";

describe("rate card", () => {
  it("is dated", () => {
    expect(RATE_CARD.date).toBe("2026-11");
  });

  it("prices the four tiers", () => {
    expect(pricePerImageMicros({ quality: "standard", width: 1024, height: 1024 })).toBe(120_000);
    expect(pricePerImageMicros({ quality: "premium", width: 1024, height: 1024 })).toBe(180_000);
    expect(pricePerImageMicros({ quality: "standard", width: 2048, height: 2048 })).toBe(180_000);
    expect(pricePerImageMicros({ quality: "premium", width: 2048, height: 2048 })).toBe(240_000);
  });

  it("splits the tiers at 1,048,576 pixels", () => {
    expect(priceTier(1024, 1024)).toBe("small"); // 1,048,576
    expect(priceTier(1_048_576, 1)).toBe("small");
    expect(priceTier(1_048_577, 1)).toBe("large");
    expect(priceTier(1025, 1024)).toBe("large");
    expect(pricePerImageMicros({ quality: "standard", width: 1_048_577, height: 1 })).toBe(180_000);
  });

  it("prices by pixels, not by the longest side: 4:1 small (1280×320) is small", () => {
    expect(priceTier(1280, 320)).toBe("small");
    expect(pricePerImageMicros({ quality: "premium", width: 1280, height: 320 })).toBe(180_000);
  });
});
