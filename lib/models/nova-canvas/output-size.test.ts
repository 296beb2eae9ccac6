import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS, SIZE_SCALES } from "@/lib/models/nova-canvas/options";
import { outputSize } from "@/lib/models/nova-canvas/output-size";

/** Worked out by hand from the rule in output-size.ts, not with its code. */
const EXPECTED: Record<string, [number, number, number, number]> = {
  //        small w, h     large w, h
  "1:1": [1024, 1024, 2048, 2048],
  "3:4": [768, 1024, 1536, 2048],
  "2:3": [688, 1024, 1360, 2048],
  "9:16": [576, 1024, 1152, 2048],
  "1:2": [512, 1024, 1024, 2048],
  "1:3": [336, 1024, 688, 2048],
  "1:4": [320, 1280, 512, 2048],
  "4:3": [1024, 768, 2048, 1536],
  "3:2": [1024, 688, 2048, 1360],
  "16:9": [1024, 576, 2048, 1152],
  "2:1": [1024, 512, 2048, 1024],
  "3:1": [1024, 336, 2048, 688],
  "4:1": [1280, 320, 2048, 512],
};

describe("outputSize", () => {
  it("covers every aspect ratio", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ASPECT_RATIOS].sort());
  });

  it.each(ASPECT_RATIOS)("%s matches the table at both scales", (ratio) => {
    const [sw, sh, lw, lh] = EXPECTED[ratio];
    expect(outputSize(ratio, "small")).toEqual({ width: sw, height: sh });
    expect(outputSize(ratio, "large")).toEqual({ width: lw, height: lh });
  });

  it("gives the documented anchors", () => {
    expect(outputSize("1:1", "small")).toEqual({ width: 1024, height: 1024 });
    expect(outputSize("16:9", "small")).toEqual({ width: 1024, height: 576 });
    expect(outputSize("3:2", "large")).toEqual({ width: 2048, height: 1360 });
    expect(outputSize("4:1", "small")).toEqual({ width: 1280, height: 320 });
    expect(outputSize("1:4", "small")).toEqual({ width: 320, height: 1280 });
  });

  for (const scale of SIZE_SCALES) {
    it.each(ASPECT_RATIOS)(`%s ${scale}: sides are multiples of 16, at least 320, long side as specified`, (ratio) => {
      const { width, height } = outputSize(ratio, scale);
      const [w, h] = ratio.split(":").map(Number);
      const long = Math.max(width, height);
      const short = Math.min(width, height);
      expect(width % 16).toBe(0);
      expect(height % 16).toBe(0);
      expect(short).toBeGreaterThanOrEqual(320);
      const clamped = short === 320 && long !== (scale === "small" ? 1024 : 2048);
      expect(long).toBe(clamped ? 1280 : scale === "small" ? 1024 : 2048);
      // Orientation follows the ratio and the shape stays within one 16-px step of it.
      expect(Math.sign(width - height)).toBe(Math.sign(w - h));
      expect(Math.abs(short - (long * Math.min(w, h)) / Math.max(w, h))).toBeLessThanOrEqual(8);
    });
  }
});
