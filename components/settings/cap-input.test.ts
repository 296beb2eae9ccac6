import { describe, expect, it } from "vitest";
import { capErrors, capText, parseCap } from "@/components/settings/cap-input";

describe("capText", () => {
  it("shows no cap as empty, and dollars with cents", () => {
    expect(capText(null)).toBe("");
    expect(capText(0.2)).toBe("0.20");
    expect(capText(12)).toBe("12.00");
    expect(capText(0.035)).toBe("0.035");
  });
});

describe("parseCap", () => {
  it("reads empty as no cap and numbers as dollars", () => {
    expect(parseCap("")).toEqual({ usd: null });
    expect(parseCap("  ")).toEqual({ usd: null });
    expect(parseCap("0.20")).toEqual({ usd: 0.2 });
    expect(parseCap("0")).toEqual({ usd: 0 });
  });

  it("refuses what is not an amount, below zero, or unreadable to the browser", () => {
    expect(parseCap("-1")).toEqual({ error: "A cap cannot be below $0." });
    expect(parseCap("abc")).toHaveProperty("error");
    expect(parseCap("", true)).toHaveProperty("error");
  });
});

describe("capErrors", () => {
  it("puts each field's message under its box in words, and the rest on the form", () => {
    const { byField, other } = capErrors([
      { field: "dayUsd", message: "dayUsd must be at most $1.00, the ceiling this server's SPEND_CAP_DAY_USD sets" },
      { field: "", message: "request body must be a JSON object" },
    ]);
    expect(byField).toEqual({ dayUsd: "The daily cap must be at most $1.00, the ceiling this server's SPEND_CAP_DAY_USD sets" });
    expect(other).toEqual(["request body must be a JSON object"]);
  });
});
