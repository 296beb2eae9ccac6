import { describe, expect, it } from "vitest";
import type { ApiBudget } from "@/lib/api-types";
import { describeLeft, describeQueuePlace, describeRequestBudget, describeWait, ordinal } from "@/lib/display/budget-text";

const NOW = Date.parse("2026-12-06T10:00:00Z");

function budget(over: { left?: number; waiting?: number; inFlight?: number; blockedUntil?: string | null } = {}): ApiBudget {
  const period = { capUsd: null, ceilingUsd: null, spentUsd: 0, reservedUsd: 0, leftUsd: null, resetsAt: "2026-12-07T00:00:00Z" };
  return {
    requests: { perMinute: 50, usedLastMinute: 50 - (over.left ?? 12), left: over.left ?? 12, blockedUntil: over.blockedUntil ?? null },
    queue: { waiting: over.waiting ?? 0, inFlight: over.inFlight ?? 0 },
    spend: { timeZone: "UTC", day: period, month: period },
  };
}

describe("ordinal", () => {
  it("uses st, nd, rd and th as English does, teens included", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th",
    ]);
  });
});

describe("describeWait", () => {
  it("rounds seconds up to fives, then minutes, then hours", () => {
    expect(describeWait(-1)).toBe("soon");
    expect(describeWait(0)).toBe("soon");
    expect(describeWait(1)).toBe("in about 5 s");
    expect(describeWait(37_000)).toBe("in about 40 s");
    expect(describeWait(58_000)).toBe("in about 1 min");
    expect(describeWait(150_000)).toBe("in about 3 min");
    expect(describeWait(2 * 3_600_000)).toBe("in about 2 h");
  });
});

describe("describeQueuePlace", () => {
  it("says the place and the rough start, or only the place without an estimate", () => {
    expect(describeQueuePlace({ position: 3, estimatedStartAt: "2026-12-06T10:00:38Z" }, NOW)).toBe("3rd in line · starts in about 40 s");
    expect(describeQueuePlace({ position: 1, estimatedStartAt: "2026-12-06T09:59:00Z" }, NOW)).toBe("1st in line · starts soon");
    expect(describeQueuePlace({ position: 2, estimatedStartAt: null }, NOW)).toBe("2nd in line");
  });
});

describe("describeRequestBudget", () => {
  it("says the requests left, and the queue when something is in it", () => {
    expect(describeRequestBudget(budget(), NOW)).toBe("12 requests left this minute");
    expect(describeRequestBudget(budget({ left: 1, waiting: 3, inFlight: 1 }), NOW)).toBe("1 request left this minute · 3 runs waiting · 1 run in flight");
  });

  it("says the gateway's pause while it lasts", () => {
    expect(describeRequestBudget(budget({ left: 0, blockedUntil: "2026-12-06T10:00:30Z", waiting: 1 }), NOW)).toMatch(
      /^The gateway asked for a pause: nothing is sent until .+ · 1 run waiting$/,
    );
    expect(describeRequestBudget(budget({ blockedUntil: "2026-12-06T09:59:30Z" }), NOW)).toBe("12 requests left this minute");
  });
});

describe("describeLeft", () => {
  it("names the period", () => {
    expect(describeLeft({ period: "day", leftUsd: 0.88 })).toBe("$0.88 left today");
    expect(describeLeft({ period: "month", leftUsd: 4.2 })).toBe("$4.20 left this month");
  });
});
