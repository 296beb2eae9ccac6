import { describe, expect, it } from "vitest";
import { parseAxisText, promptAlternatives, splitList } from "./parse-axis-text";

const values = (text: string, kind: Parameters<typeof parseAxisText>[1]["kind"] = "number") => {
  const r = parseAxisText(text, { kind });
  if (!r.ok) throw new Error(r.message);
  return r.values;
};
const message = (text: string, opts: Parameters<typeof parseAxisText>[1]) => {
  const r = parseAxisText(text, opts);
  if (r.ok) throw new Error(`parsed: ${JSON.stringify(r.values)}`);
  return r.message;
};

describe("parseAxisText", () => {
  it("reads lists, ranges by count and ranges by step (A1111's syntax)", () => {
    expect(values("3, 6, 9")).toEqual([3, 6, 9]);
    expect(values("1-10 [5]")).toEqual([1, 3.25, 5.5, 7.75, 10]);
    expect(values("1-10 [5]", "integer")).toEqual([1, 3, 6, 8, 10]);
    expect(values("2-8 (+2)")).toEqual([2, 4, 6, 8]);
    expect(values("8-2 (-3)")).toEqual([8, 5, 2]);
    expect(values("1-5", "integer")).toEqual([1, 2, 3, 4, 5]);
    expect(values("0.1-0.5 (+0.1)")).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(values("1, 4-6, 9", "integer")).toEqual([1, 4, 5, 6, 9]);
    expect(values("-2 - 2 [3]")).toEqual([-2, 0, 2]);
  });

  it("drops repeats: the same cell twice would be billed twice", () => {
    expect(values("3, 3, 6")).toEqual([3, 6]);
    expect(values("1-2 [5]", "integer")).toEqual([1, 2]);
  });

  it("names what it cannot read", () => {
    expect(message("3, six", { kind: "number" })).toBe('"six" is not a number or a range such as 1-10 [5] or 2-8 (+2)');
    expect(message("1.5", { kind: "integer" })).toBe('"1.5" is not a whole number');
    expect(message("1-10 (+0)", { kind: "number" })).toBe("1-10 (+0): the step must not be 0");
    expect(message("1-10 (-1)", { kind: "number" })).toBe("1-10 (-1): a step of -1 never gets from 1 to 10");
    expect(message("1-1000", { kind: "integer" })).toBe("1-1000: 1000 values, at most 50");
    expect(message("1-10 [0]", { kind: "number" })).toBe("1-10 [0]: the count in [ ] must be at least 1");
    expect(message(" , ", { kind: "number" })).toBe("Type at least one value");
    expect(message("x".repeat(2001), { kind: "text" })).toBe("At most 2000 characters");
  });

  it("draws N random seeds in the seed range, and mixes them with listed seeds", () => {
    let n = 0;
    const r = parseAxisText("7, 3 random", { kind: "seed", seedRange: [0, 99], random: () => [0.5, 0.0, 0.999][n++] });
    expect(r).toEqual({ ok: true, values: [7, 50, 0, 99] });
    expect(message("51 random", { kind: "seed", seedRange: [0, 9] })).toBe("51 random: between 1 and 50 random seeds");
    // "random" means nothing for other numbers.
    expect(parseAxisText("3 random", { kind: "integer" }).ok).toBe(false);
  });

  it("matches options by value or label in any case; empty means every option", () => {
    const opts = { kind: "text" as const, options: ["PHOTOREALISM", "SOFT_DIGITAL_PAINTING"], optionLabels: { SOFT_DIGITAL_PAINTING: "Soft digital painting" } };
    expect(parseAxisText("photorealism, soft digital painting", opts)).toEqual({ ok: true, values: ["PHOTOREALISM", "SOFT_DIGITAL_PAINTING"] });
    expect(parseAxisText("", opts)).toEqual({ ok: true, values: ["PHOTOREALISM", "SOFT_DIGITAL_PAINTING"] });
    expect(message("anime", opts)).toBe('"anime" is not one of PHOTOREALISM, Soft digital painting');
  });

  it("reads on/off", () => {
    expect(values("on, off", "boolean")).toEqual([true, false]);
    expect(message("maybe", { kind: "boolean" })).toBe('"maybe" is not on or off');
  });
});

describe("splitList", () => {
  it("keeps commas inside double quotes", () => {
    expect(splitList('a red fox, "a fox, red", "say ""hi"""')).toEqual(["a red fox", "a fox, red", 'say "hi"']);
  });
});

describe("promptAlternatives", () => {
  it("finds each {a|b|c} group once", () => {
    expect(promptAlternatives("a {red|green| blue} fox on a {hill|beach}, {red|green| blue}")).toEqual([
      { search: "{red|green| blue}", values: ["red", "green", "blue"] },
      { search: "{hill|beach}", values: ["hill", "beach"] },
    ]);
    expect(promptAlternatives("a {plain} fox")).toEqual([]);
  });
});
