import { describe, expect, it } from "vitest";
import { compareRows } from "@/lib/gallery/compare-params";

const col = (over: Partial<Parameters<typeof compareRows>[0][number]> = {}) => ({ seed: 1, width: 1024, height: 1024, costUsd: 0.04, params: {}, ...over });

describe("compareRows", () => {
  it("lists every parameter any image has, and marks only the rows whose values differ", () => {
    const rows = compareRows([
      col({ seed: 7, params: { prompt: "a fox", cfg_scale: 6.5, quality: "standard" } }),
      col({ seed: 8, params: { prompt: "a fox", cfg_scale: 8, negative_prompt: "blur" } }),
    ]);
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(by.seed).toEqual({ name: "seed", values: ["7", "8"], differs: true });
    expect(by.prompt.differs).toBe(false);
    expect(by.cfg_scale).toEqual({ name: "cfg_scale", values: ["6.5", "8"], differs: true });
    expect(by.negative_prompt.values).toEqual(["—", "blur"]);
    expect(by.quality.values).toEqual(["standard", "—"]);
    expect(by.size.differs).toBe(false);
    expect(rows.slice(0, 3).map((r) => r.name)).toEqual(["seed", "size", "cost"]);
  });

  it("compares image inputs by content hash, and never lists seed twice", () => {
    const rows = compareRows([col({ params: { image: { input: "abcdef1234" }, seed: 1 } }), col({ params: { image: { input: "abcdef1234" }, seed: 1 } }), col({ params: { image: { input: "99999999" } } })]);
    const image = rows.find((r) => r.name === "image")!;
    expect(image.values).toEqual(["image abcdef12", "image abcdef12", "image 99999999"]);
    expect(image.differs).toBe(true);
    expect(rows.filter((r) => r.name === "seed")).toHaveLength(1);
  });
});
