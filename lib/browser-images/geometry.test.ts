import { describe, expect, it } from "vitest";
import { inputImageProblems } from "@/lib/models";
import { autoDownscaleSize, chooseEncoding, cropPlacement, downscaleNotice, padBorders, padPlacement } from "./geometry";

const valid = (s: { width: number; height: number }) => inputImageProblems("image", { ...s, format: "png", translucentPixels: 0 });

describe("pad and crop geometry", () => {
  it("pads a too-wide image to exactly 4:1, centred", () => {
    const p = padPlacement(2000, 300);
    expect(p).toEqual({ width: 2000, height: 500, dx: 0, dy: 100 });
    expect(valid(p)).toEqual([]);
  });

  it("pads a too-tall image to 1:4 and a small one to the minimum side", () => {
    expect(padPlacement(300, 2000)).toEqual({ width: 500, height: 2000, dx: 100, dy: 0 });
    const small = padPlacement(200, 250);
    expect(small).toEqual({ width: 320, height: 320, dx: 60, dy: 35 });
    expect(valid(small)).toEqual([]);
  });

  it("fills only the borders: the strips plus the image cover the canvas exactly once", () => {
    for (const [w, h] of [[2000, 300], [300, 2000], [200, 250], [333, 101]]) {
      const p = padPlacement(w, h);
      const strips = padBorders(p, w, h);
      const area = strips.reduce((a, r) => a + r.width * r.height, 0);
      expect(area + w * h).toBe(p.width * p.height);
      for (const r of strips) {
        const overlapsImage = r.x < p.dx + w && r.x + r.width > p.dx && r.y < p.dy + h && r.y + r.height > p.dy;
        expect(overlapsImage).toBe(false);
      }
    }
  });

  it("crops the long side to 4:1 or 1:4, centred", () => {
    expect(cropPlacement(3000, 500)).toEqual({ width: 2000, height: 500, sx: 500, sy: 0 });
    expect(cropPlacement(500, 2101)).toEqual({ width: 500, height: 2000, sx: 0, sy: 50 });
    expect(valid(cropPlacement(3000, 500))).toEqual([]);
  });
});

describe("automatic downscale", () => {
  it("brings a 6000×4000 photo under the pixel limit and says so", () => {
    const to = autoDownscaleSize(6000, 4000);
    expect(to).toEqual({ width: 2508, height: 1672 });
    expect(downscaleNotice({ width: 6000, height: 4000 }, to!)).toBe("Downscaled from 6000×4000 to 2508×1672 to fit the 4,194,304-pixel limit");
  });

  it("names the side limit when that is what binds", () => {
    const to = autoDownscaleSize(8192, 1024)!;
    expect(to).toEqual({ width: 4096, height: 512 });
    expect(downscaleNotice({ width: 8192, height: 1024 }, to)).toBe("Downscaled from 8192×1024 to 4096×512 to fit the 4,096 px side limit");
  });

  it("leaves images that fit alone", () => {
    expect(autoDownscaleSize(2048, 2048)).toBeNull();
    expect(autoDownscaleSize(100, 100)).toBeNull();
  });
});

describe("chooseEncoding", () => {
  it("keeps masks, alpha and lossless sources PNG; JPEG sources JPEG", () => {
    expect(chooseEncoding({ hasAlpha: false, isMask: false, sourceFormat: "jpeg" })).toBe("jpeg");
    expect(chooseEncoding({ hasAlpha: true, isMask: false, sourceFormat: "jpeg" })).toBe("png");
    expect(chooseEncoding({ hasAlpha: false, isMask: true, sourceFormat: "jpeg" })).toBe("png");
    expect(chooseEncoding({ hasAlpha: false, isMask: false, sourceFormat: "png" })).toBe("png");
    expect(chooseEncoding({ hasAlpha: false, isMask: false, sourceFormat: "webp" })).toBe("png");
    expect(chooseEncoding({ hasAlpha: false, isMask: false, sourceFormat: "jpeg", forcePng: true })).toBe("png");
  });
});
