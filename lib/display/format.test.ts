import { describe, expect, it } from "vitest";
import { formatDollars } from "@/lib/display/format";

describe("formatDollars", () => {
  it("shows whole cents with two digits and a fraction of a cent with its own", () => {
    expect(formatDollars(0.12)).toBe("$0.12");
    expect(formatDollars(1.5)).toBe("$1.50");
    expect(formatDollars(0)).toBe("$0.00");
    expect(formatDollars(0.035)).toBe("$0.035");
    expect(formatDollars(0.0085)).toBe("$0.0085");
    expect(formatDollars(0.1 + 0.2)).toBe("$0.30");
  });
});
