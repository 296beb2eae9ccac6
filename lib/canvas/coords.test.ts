import { describe, expect, it } from "vitest";
import {
  clampToImage,
  deviceToImage,
  fitView,
  imageToDevice,
  imageToScreen,
  screenToImage,
  zoomAt,
  type View,
} from "@/lib/canvas/coords";

const zooms = [0.125, 0.5, 1, 2, 3.7];
const dprs = [1, 1.5, 2, 3];
const sizes = [
  { width: 320, height: 1280 },
  { width: 4096, height: 1024 },
  { width: 1000, height: 777 },
];

describe("screen ↔ image coordinates", () => {
  it("round-trips screen and device points at several zooms, DPRs and sizes", () => {
    for (const zoom of zooms) {
      for (const dpr of dprs) {
        for (const size of sizes) {
          const view: View = { zoom, panX: 37.25, panY: -12.5, devicePixelRatio: dpr };
          for (const p of [{ x: 0, y: 0 }, { x: size.width, y: size.height }, { x: 123.4, y: 567.8 }]) {
            const s = imageToScreen(p, view);
            expect(screenToImage(s, view).x).toBeCloseTo(p.x, 9);
            expect(screenToImage(s, view).y).toBeCloseTo(p.y, 9);
            const d = imageToDevice(p, view);
            expect(d.x).toBeCloseTo(s.x * dpr, 9);
            expect(deviceToImage(d, view).x).toBeCloseTo(p.x, 9);
            expect(deviceToImage(d, view).y).toBeCloseTo(p.y, 9);
          }
        }
      }
    }
  });

  it("maps the image corners to pan and pan + size × zoom, independent of DPR", () => {
    const view: View = { zoom: 2, panX: 10, panY: 20, devicePixelRatio: 2 };
    expect(imageToScreen({ x: 0, y: 0 }, view)).toEqual({ x: 10, y: 20 });
    expect(imageToScreen({ x: 320, y: 1280 }, view)).toEqual({ x: 650, y: 2580 });
    expect(screenToImage({ x: 650, y: 2580 }, { ...view, devicePixelRatio: 1 })).toEqual({ x: 320, y: 1280 });
  });

  it("clamps to the image rectangle", () => {
    const size = { width: 1000, height: 777 };
    expect(clampToImage({ x: -5, y: 900 }, size)).toEqual({ x: 0, y: 777 });
    expect(clampToImage({ x: 500, y: 300 }, size)).toEqual({ x: 500, y: 300 });
  });

  it("fits a non-square image centred in the viewport", () => {
    const view = fitView({ width: 4096, height: 1024 }, { width: 1024, height: 768 }, 2);
    expect(view.zoom).toBe(0.25);
    expect(view.panX).toBe(0);
    expect(view.panY).toBe((768 - 256) / 2);
    expect(imageToScreen({ x: 4096, y: 1024 }, view)).toEqual({ x: 1024, y: 512 });
  });

  it("keeps the image point under the cursor fixed when zooming", () => {
    const view: View = { zoom: 0.5, panX: 30, panY: 40, devicePixelRatio: 2 };
    const anchor = { x: 300, y: 200 };
    const before = screenToImage(anchor, view);
    for (const zoom of zooms) {
      const after = screenToImage(anchor, zoomAt(view, anchor, zoom));
      expect(after.x).toBeCloseTo(before.x, 9);
      expect(after.y).toBeCloseTo(before.y, 9);
    }
  });
});
