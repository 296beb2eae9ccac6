import { describe, expect, it } from "vitest";
import type { ApiSpendPeriod } from "@/lib/api-types";
import { tightestCap } from "@/lib/queries/use-budget";

const period = (capUsd: number | null, leftUsd: number | null): ApiSpendPeriod => ({
  capUsd,
  ceilingUsd: null,
  spentUsd: 0,
  reservedUsd: 0,
  leftUsd,
  resetsAt: "2026-12-07T00:00:00Z",
});

describe("tightestCap", () => {
  it("is null without a cap", () => {
    expect(tightestCap({ day: period(null, null), month: period(null, null) })).toBeNull();
  });

  it("is the one cap set, or the one with less left", () => {
    expect(tightestCap({ day: period(null, null), month: period(10, 4.2) })).toEqual({ period: "month", capUsd: 10, leftUsd: 4.2 });
    expect(tightestCap({ day: period(1, 0.88), month: period(10, 4.2) })).toEqual({ period: "day", capUsd: 1, leftUsd: 0.88 });
    expect(tightestCap({ day: period(5, 5), month: period(10, 0.5) })).toEqual({ period: "month", capUsd: 10, leftUsd: 0.5 });
  });
});
