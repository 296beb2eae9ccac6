import { describe, expect, it } from "vitest";
import { SEED_MAX } from "@/lib/models/nova-canvas/limits";
import { ensureSeed, withSeed } from "@/lib/models/nova-canvas/seed";
import { parseOk, VALID, variant } from "@/lib/models/nova-canvas/test-fixtures";

describe("seeds", () => {
  it("ensureSeed keeps a given seed", () => {
    expect(ensureSeed(parseOk(variant("TEXT_IMAGE", { seed: 7 })), () => 0.5)).toMatchObject({ seed: 7 });
  });

  it("ensureSeed fills the range ends from the random source", () => {
    expect(ensureSeed(parseOk(VALID.TEXT_IMAGE), () => 0)).toMatchObject({ seed: 0 });
    expect(ensureSeed(parseOk(VALID.TEXT_IMAGE), () => 0.9999999999999999)).toMatchObject({ seed: SEED_MAX });
    expect(ensureSeed(parseOk(VALID.VIRTUAL_TRY_ON), () => 0.5)).toMatchObject({ seed: Math.floor(0.5 * (SEED_MAX + 1)) });
  });

  it("never seeds BACKGROUND_REMOVAL", () => {
    const req = parseOk(VALID.BACKGROUND_REMOVAL);
    expect(ensureSeed(req, () => 0.5)).not.toHaveProperty("seed");
    expect(withSeed(req, 3)).not.toHaveProperty("seed");
  });

  it("withSeed replaces the seed and refuses an out-of-range one", () => {
    expect(withSeed(parseOk(variant("INPAINTING", { seed: 1 })), 2)).toMatchObject({ seed: 2 });
    expect(() => withSeed(parseOk(VALID.TEXT_IMAGE), SEED_MAX + 1)).toThrow(RangeError);
    expect(() => withSeed(parseOk(VALID.TEXT_IMAGE), 1.5)).toThrow(RangeError);
  });
});
