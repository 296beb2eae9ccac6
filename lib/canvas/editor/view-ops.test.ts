import { describe, expect, it } from "vitest";
import { imageToScreen, screenToImage, type View } from "@/lib/canvas/coords";
import {
  clampZoom,
  fitToViewport,
  nextZoomStep,
  panBy,
  resizeView,
  wheelZoomFactor,
  ZOOM_MAX,
  ZOOM_MIN,
  ZOOM_STEPS,
  zoomCentered,
  zoomLabel,
} from "@/lib/canvas/editor/view-ops";

const view: View = { zoom: 1.5, panX: 37, panY: -12, devicePixelRatio: 2 };

describe("clampZoom", () => {
  it("keeps values inside [ZOOM_MIN, ZOOM_MAX] and clamps the rest", () => {
    expect(ZOOM_MIN).toBeLessThan(ZOOM_MAX);
    expect(clampZoom(1)).toBe(1);
    expect(clampZoom(0.3)).toBe(0.3);
    expect(clampZoom(0)).toBe(ZOOM_MIN);
    expect(clampZoom(-5)).toBe(ZOOM_MIN);
    expect(clampZoom(ZOOM_MIN / 2)).toBe(ZOOM_MIN);
    expect(clampZoom(ZOOM_MAX * 2)).toBe(ZOOM_MAX);
    expect(clampZoom(Infinity)).toBe(ZOOM_MAX);
  });
});

describe("nextZoomStep", () => {
  it("steps are sorted and inside the zoom range", () => {
    for (let i = 1; i < ZOOM_STEPS.length; i++) expect(ZOOM_STEPS[i]).toBeGreaterThan(ZOOM_STEPS[i - 1]);
    expect(ZOOM_STEPS[0]).toBeGreaterThanOrEqual(ZOOM_MIN);
    expect(ZOOM_STEPS[ZOOM_STEPS.length - 1]).toBeLessThanOrEqual(ZOOM_MAX);
  });

  it("goes from one stop to the neighbouring stop", () => {
    expect(nextZoomStep(1, 1)).toBe(1.5);
    expect(nextZoomStep(1, -1)).toBe(0.75);
    expect(nextZoomStep(2, 1)).toBe(3);
    expect(nextZoomStep(0.25, -1)).toBe(0.1);
  });

  it("from between two stops goes to the nearer stop in that direction", () => {
    expect(nextZoomStep(0.3, 1)).toBe(0.5);
    expect(nextZoomStep(0.3, -1)).toBe(0.25);
    expect(nextZoomStep(5, 1)).toBe(6);
    expect(nextZoomStep(5, -1)).toBe(4);
  });

  it("treats a zoom a hair away from a stop (float noise) as that stop", () => {
    expect(nextZoomStep(1 + 1e-9, 1)).toBe(1.5);
    expect(nextZoomStep(1 - 1e-9, -1)).toBe(0.75);
  });

  it("at the ends goes to the zoom limits and stays there", () => {
    expect(nextZoomStep(24, 1)).toBe(32);
    expect(nextZoomStep(32, 1)).toBe(ZOOM_MAX);
    expect(nextZoomStep(ZOOM_MAX, 1)).toBe(ZOOM_MAX);
    expect(nextZoomStep(0.05, -1)).toBe(ZOOM_MIN);
    expect(nextZoomStep(0.03, -1)).toBe(ZOOM_MIN);
    expect(nextZoomStep(ZOOM_MIN, -1)).toBe(ZOOM_MIN);
    expect(nextZoomStep(ZOOM_MIN, 1)).toBe(0.05);
  });
});

describe("zoomCentered", () => {
  const viewport = { width: 800, height: 600 };

  it("keeps the image point at the viewport's centre in place", () => {
    const centre = { x: 400, y: 300 };
    const fixed = screenToImage(centre, view);
    const next = zoomCentered(view, viewport, 4);
    expect(next.zoom).toBe(4);
    expect(next.devicePixelRatio).toBe(2);
    const s = imageToScreen(fixed, next);
    expect(s.x).toBeCloseTo(400, 9);
    expect(s.y).toBeCloseTo(300, 9);
    // A different point does move.
    expect(imageToScreen(screenToImage({ x: 0, y: 0 }, view), next).x).not.toBeCloseTo(0, 3);
  });

  it("clamps the zoom", () => {
    expect(zoomCentered(view, viewport, 1000).zoom).toBe(ZOOM_MAX);
    expect(zoomCentered(view, viewport, 0).zoom).toBe(ZOOM_MIN);
  });
});

describe("resizeView", () => {
  it("keeps the image point at the old centre at the new centre, same zoom", () => {
    const before = { width: 800, height: 600 };
    const after = { width: 1200, height: 500 };
    const fixed = screenToImage({ x: 400, y: 300 }, view);
    const next = resizeView(view, before, after);
    expect(next.zoom).toBe(view.zoom);
    expect(next.devicePixelRatio).toBe(view.devicePixelRatio);
    const s = imageToScreen(fixed, next);
    expect(s.x).toBeCloseTo(600, 9);
    expect(s.y).toBeCloseTo(250, 9);
    expect(next.panX).toBeCloseTo(view.panX + 200, 9);
    expect(next.panY).toBeCloseTo(view.panY - 50, 9);
  });

  it("is the identity when the size does not change", () => {
    const size = { width: 640, height: 480 };
    expect(resizeView(view, size, size)).toEqual(view);
  });
});

describe("fitToViewport", () => {
  it("shrinks a large image to fit and centres it", () => {
    const v = fitToViewport({ width: 4000, height: 1000 }, { width: 800, height: 600 }, 2);
    expect(v.zoom).toBeCloseTo(0.2, 12);
    expect(v.panX).toBeCloseTo(0, 9);
    expect(v.panY).toBeCloseTo((600 - 1000 * 0.2) / 2, 9);
    expect(v.devicePixelRatio).toBe(2);
  });

  it("never enlarges a small image above 100 %, and centres it", () => {
    const v = fitToViewport({ width: 100, height: 50 }, { width: 800, height: 600 }, 1);
    expect(v.zoom).toBe(1);
    expect(v.panX).toBe(350);
    expect(v.panY).toBe(275);
  });

  it("the image's centre lands on the viewport's centre", () => {
    for (const image of [
      { width: 1024, height: 1024 },
      { width: 320, height: 1280 },
      { width: 5000, height: 300 },
    ]) {
      const viewport = { width: 900, height: 700 };
      const v = fitToViewport(image, viewport, 1.5);
      expect(v.zoom).toBeLessThanOrEqual(1);
      expect(image.width * v.zoom).toBeLessThanOrEqual(viewport.width + 1e-9);
      expect(image.height * v.zoom).toBeLessThanOrEqual(viewport.height + 1e-9);
      const c = imageToScreen({ x: image.width / 2, y: image.height / 2 }, v);
      expect(c.x).toBeCloseTo(450, 9);
      expect(c.y).toBeCloseTo(350, 9);
    }
  });
});

describe("panBy", () => {
  it("moves the pan only", () => {
    expect(panBy(view, 5, -7)).toEqual({ ...view, panX: 42, panY: -19 });
  });
});

describe("wheelZoomFactor", () => {
  it("zooms in for negative deltaY, out for positive, not at all for 0", () => {
    expect(wheelZoomFactor(-100, false)).toBeGreaterThan(1);
    expect(wheelZoomFactor(100, false)).toBeLessThan(1);
    expect(wheelZoomFactor(0, false)).toBe(1);
    expect(wheelZoomFactor(0, true)).toBe(1);
  });

  it("is symmetric: scrolling down then up returns to the same zoom", () => {
    expect(wheelZoomFactor(-120, false) * wheelZoomFactor(120, false)).toBeCloseTo(1, 12);
    expect(wheelZoomFactor(-7, true) * wheelZoomFactor(7, true)).toBeCloseTo(1, 12);
  });

  it("a pinch (ctrl+wheel) is more sensitive per unit of delta", () => {
    expect(wheelZoomFactor(-10, true)).toBeGreaterThan(wheelZoomFactor(-10, false));
    expect(wheelZoomFactor(10, true)).toBeLessThan(wheelZoomFactor(10, false));
  });
});

describe("zoomLabel", () => {
  it("formats whole percentages from 10 % up and one decimal below", () => {
    expect(zoomLabel(1)).toBe("100 %");
    expect(zoomLabel(0.375)).toBe("38 %");
    expect(zoomLabel(0.37)).toBe("37 %");
    expect(zoomLabel(0.29)).toBe("29 %");
    expect(zoomLabel(2)).toBe("200 %");
    expect(zoomLabel(32)).toBe("3200 %");
    expect(zoomLabel(0.1)).toBe("10 %");
    expect(zoomLabel(0.05)).toBe("5.0 %");
    expect(zoomLabel(0.02)).toBe("2.0 %");
    expect(zoomLabel(0.0825)).toBe("8.3 %");
  });
});
