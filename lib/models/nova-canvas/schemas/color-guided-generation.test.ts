import { describe, expect, it } from "vitest";
import { IMG, messagesFor, parseOk, variant } from "@/lib/models/nova-canvas/test-fixtures";

const palette = (n: number) => Array.from({ length: n }, (_, i) => `#${String(i).padStart(6, "0")}`);

describe("COLOR_GUIDED_GENERATION", () => {
  it("accepts 1 and 10 colours and an optional reference image", () => {
    expect(parseOk(variant("COLOR_GUIDED_GENERATION", { colors: palette(1) }))).toMatchObject({ colors: palette(1) });
    expect(parseOk(variant("COLOR_GUIDED_GENERATION", { colors: palette(10) }))).toMatchObject({ colors: palette(10) });
    expect(parseOk(variant("COLOR_GUIDED_GENERATION", { reference_image: IMG }))).toMatchObject({ reference_image: IMG });
  });

  it("rejects 0 and 11 colours", () => {
    expect(messagesFor(variant("COLOR_GUIDED_GENERATION", { colors: [] }), "colors")).toEqual([
      "colors must have between 1 and 10 colours (got 0)",
    ]);
    expect(messagesFor(variant("COLOR_GUIDED_GENERATION", { colors: palette(11) }), "colors")).toEqual([
      "colors must have between 1 and 10 colours (got 11)",
    ]);
  });

  it("requires colors", () => {
    expect(messagesFor(variant("COLOR_GUIDED_GENERATION", { colors: undefined }), "colors")).toEqual(["colors is required"]);
  });

  it("normalises colours to upper case", () => {
    expect(parseOk(variant("COLOR_GUIDED_GENERATION", { colors: ["#ff88aa", "#AbCdEf"] }))).toMatchObject({
      colors: ["#FF88AA", "#ABCDEF"],
    });
  });

  it.each(["red", "#FFF", "FF8800", "#GG0000", "#FF88001"])("rejects %j and names the item", (bad) => {
    expect(messagesFor(variant("COLOR_GUIDED_GENERATION", { colors: ["#000000", "#111111", "#222222", bad] }), "colors")).toEqual([
      `colors[3] must be a colour written #RRGGBB, e.g. #FF8800 (got ${JSON.stringify(bad)})`,
    ]);
  });

  it("rejects a non-list and a non-string item", () => {
    expect(messagesFor(variant("COLOR_GUIDED_GENERATION", { colors: "#FF0000" }), "colors")).toEqual([
      'colors must be a list of colours (got "#FF0000")',
    ]);
    expect(messagesFor(variant("COLOR_GUIDED_GENERATION", { colors: [255] }), "colors")[0]).toContain("colors[0]");
  });

  it("requires the prompt and rejects image (that is TEXT_IMAGE's condition image)", () => {
    expect(messagesFor(variant("COLOR_GUIDED_GENERATION", { prompt: undefined }), "prompt")).toEqual(["prompt is required"]);
    expect(messagesFor(variant("COLOR_GUIDED_GENERATION", { image: IMG }), "image")).toEqual([
      "image is not a parameter of COLOR_GUIDED_GENERATION",
    ]);
  });
});
