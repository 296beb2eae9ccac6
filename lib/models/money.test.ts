import { describe, expect, it } from "vitest";
import { formatUsd, microsToUsd } from "@/lib/models/money";

describe("money", () => {
  it("converts micro-dollars to dollars", () => {
    expect(microsToUsd(120_000)).toBe(0.12);
    expect(microsToUsd(1_200_000)).toBe(1.2);
    expect(microsToUsd(1_200)).toBe(0.0012);
    expect(microsToUsd(0)).toBe(0);
  });

  it.each([
    [120_000, "$0.12"],
    [1_200_000, "$1.20"],
    [1_200, "$0.0012"],
    [0, "$0.00"],
    [1, "$0.000001"],
    [600_000, "$0.60"],
    [12_345_670_000, "$12345.67"],
    [-180_000, "-$0.18"],
    [1_000_000, "$1.00"],
  ])("formats %i micros as %s", (micros, text) => {
    expect(formatUsd(micros)).toBe(text);
  });
});
