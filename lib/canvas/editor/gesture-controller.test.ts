import { describe, expect, it } from "vitest";
import { imageToScreen, screenToImage, type View } from "@/lib/canvas/coords";
import { GestureController, type ControllerHost, type ScreenPointer } from "@/lib/canvas/editor/gesture-controller";
import { ZOOM_MAX, ZOOM_MIN } from "@/lib/canvas/editor/view-ops";
import type { Point, Stroke } from "@/lib/canvas/types";

/** A host that records every call, with a live view the controller reads and writes. */
class FakeHost implements ControllerHost {
  view: View;
  readonly views: View[] = [];
  readonly previews: (Stroke | null)[] = [];
  readonly commits: Stroke[] = [];

  constructor(view: Partial<View> = {}) {
    this.view = { zoom: 1, panX: 0, panY: 0, devicePixelRatio: 1, ...view };
  }
  getView(): View {
    return this.view;
  }
  setView(view: View): void {
    this.view = view;
    this.views.push(view);
  }
  preview(stroke: Stroke | null): void {
    this.previews.push(stroke);
  }
  commit(stroke: Stroke): void {
    this.commits.push(stroke);
  }
  /** The stroke currently shown on the buffer layer (the last preview call). */
  get shownPreview(): Stroke | null | undefined {
    return this.previews[this.previews.length - 1];
  }
}

function setup(view: Partial<View> = {}) {
  const host = new FakeHost(view);
  const ctl = new GestureController(host);
  return { host, ctl };
}

const mouse = (x: number, y: number, button = 0): ScreenPointer => ({ x, y, button, pointerType: "mouse", pointerId: 1 });
/** A mouse move with no button change (PointerEvent.button is -1 on moves). */
const mouseMove = (x: number, y: number): ScreenPointer => mouse(x, y, -1);
const finger = (id: number, x: number, y: number, button = 0): ScreenPointer => ({
  x,
  y,
  button,
  pointerType: "touch",
  pointerId: 10 + id,
});

function drag(ctl: GestureController, from: Point, to: Point, steps = 4, button = 0) {
  ctl.pointerDown(mouse(from.x, from.y, button));
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    ctl.pointerMove(mouseMove(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
  }
  ctl.pointerUp(mouse(to.x, to.y, button));
}

function click(ctl: GestureController, p: Point) {
  ctl.pointerDown(mouse(p.x, p.y));
  ctl.pointerUp(mouse(p.x, p.y));
}

describe("gesture controller: brush", () => {
  it("converts screen points to image pixels and commits exactly one stroke, on pointer-up", () => {
    const { host, ctl } = setup({ zoom: 2, panX: 10, panY: 20 });
    expect(ctl.currentTool).toBe("brush");

    ctl.pointerDown(mouse(30, 40));
    expect(host.shownPreview).toMatchObject({ kind: "brush", points: [{ x: 10, y: 10 }] });
    for (const x of [40, 50, 60]) {
      ctl.pointerMove(mouseMove(x, 40));
      expect(host.commits).toHaveLength(0);
      expect(host.shownPreview).not.toBeNull();
      expect(host.shownPreview?.kind).toBe("brush");
    }
    expect(ctl.isBusy()).toBe(true);
    ctl.pointerUp(mouse(70, 40));

    expect(host.commits).toEqual([
      {
        kind: "brush",
        radius: 20,
        points: [
          { x: 10, y: 10 },
          { x: 15, y: 10 },
          { x: 20, y: 10 },
          { x: 25, y: 10 },
          { x: 30, y: 10 },
        ],
      },
    ]);
    expect(host.shownPreview).toBeNull();
    expect(ctl.isBusy()).toBe(false);
    // Painting never moves the view.
    expect(host.views).toHaveLength(0);
  });

  it("does not commit on a hover (moves with no button down)", () => {
    const { host, ctl } = setup();
    for (let x = 0; x < 50; x += 10) ctl.pointerMove(mouseMove(x, 5));
    expect(host.commits).toEqual([]);
    expect(host.previews.every((p) => p === null)).toBe(true);
  });

  it("setRadius changes the radius of the next committed stroke, and survives a tool switch", () => {
    const { host, ctl } = setup();
    drag(ctl, { x: 0, y: 0 }, { x: 10, y: 0 });
    ctl.setRadius(7);
    drag(ctl, { x: 0, y: 5 }, { x: 10, y: 5 });
    ctl.setTool("eraser");
    drag(ctl, { x: 0, y: 9 }, { x: 10, y: 9 });
    ctl.setRadius(3);
    ctl.setTool("brush");
    drag(ctl, { x: 0, y: 9 }, { x: 10, y: 9 });
    expect(host.commits.map((s) => [s.kind, "radius" in s ? s.radius : null])).toEqual([
      ["brush", 20],
      ["brush", 7],
      ["erase", 7],
      ["brush", 3],
    ]);
  });

  // Found by this test: the radius used to be read at commit, so [ or ] mid-stroke resized it.
  it("a radius change mid-stroke applies to the next stroke, not the one in progress", () => {
    const { host, ctl } = setup();
    ctl.pointerDown(mouse(0, 0));
    ctl.pointerMove(mouseMove(10, 0));
    ctl.setRadius(5);
    ctl.pointerUp(mouse(20, 0));
    expect(host.commits).toHaveLength(1);
    expect(host.commits[0]).toMatchObject({ kind: "brush", radius: 20 });
  });

  it("pointer-cancel mid-stroke commits nothing and clears the preview", () => {
    const { host, ctl } = setup();
    ctl.pointerDown(mouse(5, 5));
    ctl.pointerMove(mouseMove(25, 5));
    expect(host.shownPreview).not.toBeNull();
    ctl.pointerCancel(mouse(25, 5));
    expect(host.shownPreview).toBeNull();
    expect(ctl.isBusy()).toBe(false);
    // A stray up or move after the cancel does not resurrect the stroke.
    ctl.pointerMove(mouseMove(40, 5));
    ctl.pointerUp(mouse(40, 5));
    expect(host.commits).toEqual([]);
    // The next gesture paints normally.
    drag(ctl, { x: 0, y: 0 }, { x: 8, y: 0 });
    expect(host.commits).toHaveLength(1);
  });

  it("Escape mid-stroke drops the stroke", () => {
    const { host, ctl } = setup();
    ctl.pointerDown(mouse(5, 5));
    ctl.pointerMove(mouseMove(25, 5));
    expect(ctl.toolKey("Escape")).toBe(true);
    expect(host.shownPreview).toBeNull();
    ctl.pointerUp(mouse(30, 5));
    expect(host.commits).toEqual([]);
    expect(ctl.isBusy()).toBe(false);
  });

  it("the right button does not paint", () => {
    const { host, ctl } = setup();
    drag(ctl, { x: 0, y: 0 }, { x: 30, y: 0 }, 3, 2);
    expect(host.commits).toEqual([]);
    expect(host.views).toEqual([]);
  });
});

describe("gesture controller: panning", () => {
  it("a middle-button drag pans by the drag delta and commits nothing", () => {
    const { host, ctl } = setup({ zoom: 2, panX: 10, panY: 20 });
    ctl.pointerDown(mouse(100, 100, 1));
    ctl.pointerMove(mouseMove(110, 95));
    expect(host.view).toMatchObject({ zoom: 2, panX: 20, panY: 15 });
    ctl.pointerMove(mouseMove(130, 140));
    ctl.pointerUp(mouse(130, 140, 1));
    expect(host.view).toEqual({ zoom: 2, panX: 40, panY: 60, devicePixelRatio: 1 });
    expect(host.commits).toEqual([]);
    expect(host.previews.every((p) => p === null)).toBe(true);
    expect(ctl.isBusy()).toBe(false);
    // After the pan, moves no longer pan.
    ctl.pointerMove(mouseMove(500, 500));
    expect(host.view.panX).toBe(40);
  });

  it("space + left drag pans instead of painting; releasing space paints again", () => {
    const { host, ctl } = setup();
    ctl.setSpaceHeld(true);
    drag(ctl, { x: 10, y: 10 }, { x: 60, y: 30 });
    expect(host.view).toMatchObject({ panX: 50, panY: 20, zoom: 1 });
    expect(host.commits).toEqual([]);

    ctl.setSpaceHeld(false);
    drag(ctl, { x: 10, y: 10 }, { x: 60, y: 10 });
    expect(host.view).toMatchObject({ panX: 50, panY: 20 });
    expect(host.commits).toHaveLength(1);
    // Image px under the new pan: (10 - 50, 10 - 20).
    expect(host.commits[0]).toMatchObject({ kind: "brush" });
    expect((host.commits[0] as { points: Point[] }).points[0]).toEqual({ x: -40, y: -10 });
  });

  it("space pressed mid-stroke does not turn the stroke into a pan", () => {
    const { host, ctl } = setup();
    ctl.pointerDown(mouse(0, 0));
    ctl.setSpaceHeld(true);
    ctl.pointerMove(mouseMove(20, 0));
    ctl.pointerUp(mouse(40, 0));
    expect(host.views).toEqual([]);
    expect(host.commits).toHaveLength(1);
  });

  it("the hand tool pans with the left button and never paints", () => {
    const { host, ctl } = setup({ zoom: 0.5 });
    ctl.setTool("hand");
    expect(ctl.currentTool).toBe("hand");
    drag(ctl, { x: 0, y: 0 }, { x: -30, y: 12 });
    expect(host.view).toMatchObject({ zoom: 0.5, panX: -30, panY: 12 });
    expect(host.commits).toEqual([]);
    expect(ctl.toolKey("Enter")).toBe(false);
  });
});

describe("gesture controller: touch", () => {
  it("one finger paints", () => {
    const { host, ctl } = setup({ zoom: 2 });
    ctl.pointerDown(finger(1, 10, 10));
    ctl.pointerMove(finger(1, 30, 10, -1));
    ctl.pointerUp(finger(1, 50, 10));
    expect(host.commits).toEqual([
      {
        kind: "brush",
        radius: 20,
        points: [
          { x: 5, y: 5 },
          { x: 15, y: 5 },
          { x: 25, y: 5 },
        ],
      },
    ]);
  });

  it("a second finger cancels the stroke and pinch-zooms about the fingers; the leftover finger does not paint", () => {
    const { host, ctl } = setup({ zoom: 1.5, panX: 10, panY: -20 });
    const startView = host.view;

    ctl.pointerDown(finger(1, 100, 100));
    ctl.pointerMove(finger(1, 120, 100, -1));
    expect(host.shownPreview?.kind).toBe("brush");

    ctl.pointerDown(finger(2, 200, 100));
    expect(host.commits).toEqual([]);
    expect(host.shownPreview).toBeNull();
    expect(ctl.isBusy()).toBe(true);

    // Start: fingers at (120,100) and (200,100): distance 80, midpoint (160,100).
    const anchor = screenToImage({ x: 160, y: 100 }, startView);
    // Spread to distance 160 and move the midpoint to (220, 150).
    ctl.pointerMove(finger(1, 140, 150, -1));
    ctl.pointerMove(finger(2, 300, 150, -1));
    expect(host.view.zoom).toBeCloseTo(3, 9);
    const under = imageToScreen(anchor, host.view);
    expect(under.x).toBeCloseTo(220, 9);
    expect(under.y).toBeCloseTo(150, 9);
    expect(host.view.devicePixelRatio).toBe(1);

    // Lift one finger; the other one moves and lifts without painting or panning.
    ctl.pointerUp(finger(2, 300, 150));
    const afterPinch = host.view;
    const previewsBefore = host.previews.filter((p) => p !== null).length;
    ctl.pointerMove(finger(1, 60, 40, -1));
    ctl.pointerMove(finger(1, 10, 10, -1));
    ctl.pointerUp(finger(1, 10, 10));
    expect(host.commits).toEqual([]);
    expect(host.view).toBe(afterPinch);
    expect(host.previews.filter((p) => p !== null)).toHaveLength(previewsBefore);
    expect(ctl.isBusy()).toBe(false);

    // Once every finger is up, one finger paints again.
    ctl.pointerDown(finger(3, 0, 0));
    ctl.pointerMove(finger(3, 30, 0, -1));
    ctl.pointerUp(finger(3, 30, 0));
    expect(host.commits).toHaveLength(1);
    expect(host.commits[0].kind).toBe("brush");
  });

  it("pinching in halves the zoom, clamped to ZOOM_MIN", () => {
    const { host, ctl } = setup({ zoom: 1 });
    ctl.pointerDown(finger(1, 0, 0));
    ctl.pointerDown(finger(2, 400, 0));
    ctl.pointerMove(finger(2, 200, 0, -1));
    expect(host.view.zoom).toBeCloseTo(0.5, 9);
    ctl.pointerMove(finger(2, 1, 0, -1));
    expect(host.view.zoom).toBe(ZOOM_MIN);
    ctl.pointerUp(finger(1, 0, 0));
    ctl.pointerUp(finger(2, 1, 0));
    expect(ctl.isBusy()).toBe(false);
    expect(host.commits).toEqual([]);
  });

  it("a cancelled pinch (both fingers) returns to idle", () => {
    const { host, ctl } = setup();
    ctl.pointerDown(finger(1, 0, 0));
    ctl.pointerDown(finger(2, 100, 0));
    ctl.pointerCancel(finger(1, 0, 0));
    ctl.pointerCancel(finger(2, 100, 0));
    expect(ctl.isBusy()).toBe(false);
    drag(ctl, { x: 0, y: 0 }, { x: 10, y: 0 });
    expect(host.commits).toHaveLength(1);
  });
});

describe("gesture controller: wheel", () => {
  it("deltaY < 0 zooms in about the cursor, deltaY > 0 zooms out", () => {
    const { host, ctl } = setup({ zoom: 1, panX: 15, panY: 25 });
    const cursor = { x: 300, y: 200 };
    const fixed = screenToImage(cursor, host.view);

    ctl.wheel({ ...cursor, deltaY: -100, ctrlKey: false });
    expect(host.view.zoom).toBeGreaterThan(1);
    let s = imageToScreen(fixed, host.view);
    expect(s.x).toBeCloseTo(cursor.x, 9);
    expect(s.y).toBeCloseTo(cursor.y, 9);

    const zoomedIn = host.view.zoom;
    ctl.wheel({ ...cursor, deltaY: 100, ctrlKey: false });
    expect(host.view.zoom).toBeCloseTo(1, 9);
    expect(host.view.zoom).toBeLessThan(zoomedIn);
    s = imageToScreen(fixed, host.view);
    expect(s.x).toBeCloseTo(cursor.x, 9);
    expect(s.y).toBeCloseTo(cursor.y, 9);
    expect(host.commits).toEqual([]);
  });

  it("a trackpad pinch (ctrl+wheel) zooms more per unit of delta than a wheel", () => {
    const a = setup();
    const b = setup();
    a.ctl.wheel({ x: 0, y: 0, deltaY: -10, ctrlKey: false });
    b.ctl.wheel({ x: 0, y: 0, deltaY: -10, ctrlKey: true });
    expect(b.host.view.zoom).toBeGreaterThan(a.host.view.zoom);
    expect(a.host.view.zoom).toBeGreaterThan(1);
  });

  it("is clamped to ZOOM_MIN and ZOOM_MAX, still keeping the cursor's image point", () => {
    const { host, ctl } = setup({ zoom: 1, panX: 7, panY: 9 });
    const cursor = { x: 120, y: 80 };
    const fixed = screenToImage(cursor, host.view);
    for (let i = 0; i < 50; i++) ctl.wheel({ ...cursor, deltaY: -1000, ctrlKey: false });
    expect(host.view.zoom).toBe(ZOOM_MAX);
    let s = imageToScreen(fixed, host.view);
    expect(s.x).toBeCloseTo(cursor.x, 6);
    expect(s.y).toBeCloseTo(cursor.y, 6);

    for (let i = 0; i < 50; i++) ctl.wheel({ ...cursor, deltaY: 1000, ctrlKey: false });
    expect(host.view.zoom).toBe(ZOOM_MIN);
    s = imageToScreen(fixed, host.view);
    expect(s.x).toBeCloseTo(cursor.x, 6);
    expect(s.y).toBeCloseTo(cursor.y, 6);
  });
});

describe("gesture controller: shape tools", () => {
  it("a rect drag commits one rect in image px, none on move", () => {
    const { host, ctl } = setup({ zoom: 2, panX: 10, panY: 20 });
    ctl.setTool("rect");
    ctl.pointerDown(mouse(70, 100));
    ctl.pointerMove(mouseMove(50, 60));
    expect(host.commits).toEqual([]);
    expect(host.shownPreview).toEqual({ kind: "rect", x: 20, y: 20, w: 10, h: 20, mode: "add" });
    ctl.pointerMove(mouseMove(30, 40));
    ctl.pointerUp(mouse(30, 40));
    expect(host.commits).toEqual([{ kind: "rect", x: 10, y: 10, w: 20, h: 30, mode: "add" }]);
    expect(host.shownPreview).toBeNull();
  });

  it("setShapeMode('erase') makes shapes cut", () => {
    const { host, ctl } = setup();
    ctl.setTool("rect");
    ctl.setShapeMode("erase");
    drag(ctl, { x: 0, y: 0 }, { x: 10, y: 10 });
    expect(host.commits).toEqual([{ kind: "rect", x: 0, y: 0, w: 10, h: 10, mode: "erase" }]);
  });

  it("polygon: three clicks then Enter commits one polygon", () => {
    const { host, ctl } = setup({ zoom: 2, panX: 10, panY: 20 });
    ctl.setTool("polygon");
    click(ctl, { x: 10, y: 20 });
    click(ctl, { x: 110, y: 20 });
    click(ctl, { x: 110, y: 120 });
    expect(host.commits).toEqual([]);
    // The rubber band follows a hovering mouse.
    ctl.pointerMove(mouseMove(10, 120));
    expect(host.shownPreview).toEqual({
      kind: "polygon",
      mode: "add",
      points: [
        { x: 0, y: 0 },
        { x: 50, y: 0 },
        { x: 50, y: 50 },
        { x: 0, y: 50 },
      ],
    });
    expect(ctl.toolKey("Enter")).toBe(true);
    expect(host.commits).toEqual([
      {
        kind: "polygon",
        mode: "add",
        points: [
          { x: 0, y: 0 },
          { x: 50, y: 0 },
          { x: 50, y: 50 },
        ],
      },
    ]);
    expect(host.shownPreview).toBeNull();
    expect(ctl.isBusy()).toBe(false);
    expect(ctl.toolKey("Enter")).toBe(false);
    expect(host.commits).toHaveLength(1);
  });

  it("polygon: a click within 8 screen px of the first vertex closes it, whatever the zoom", () => {
    const { host, ctl } = setup({ zoom: 4 });
    ctl.setTool("polygon");
    click(ctl, { x: 100, y: 100 });
    click(ctl, { x: 200, y: 100 });
    click(ctl, { x: 200, y: 200 });
    // 6 screen px from the first vertex = 1.5 image px at zoom 4 (the default 4 image px would be 16 screen px).
    click(ctl, { x: 106, y: 100 });
    expect(host.commits).toHaveLength(1);
    expect(host.commits[0]).toEqual({
      kind: "polygon",
      mode: "add",
      points: [
        { x: 25, y: 25 },
        { x: 50, y: 25 },
        { x: 50, y: 50 },
      ],
    });
  });

  it("polygon: a click 12 screen px from the first vertex at zoom 4 adds a vertex instead", () => {
    const { host, ctl } = setup({ zoom: 4 });
    ctl.setTool("polygon");
    click(ctl, { x: 100, y: 100 });
    click(ctl, { x: 200, y: 100 });
    click(ctl, { x: 200, y: 200 });
    click(ctl, { x: 112, y: 100 });
    expect(host.commits).toEqual([]);
    ctl.toolKey("Enter");
    expect((host.commits[0] as { points: Point[] }).points).toHaveLength(4);
  });

  it("polygon: Escape drops it", () => {
    const { host, ctl } = setup();
    ctl.setTool("polygon");
    click(ctl, { x: 0, y: 0 });
    click(ctl, { x: 100, y: 0 });
    click(ctl, { x: 100, y: 100 });
    expect(ctl.toolKey("Escape")).toBe(true);
    expect(host.shownPreview).toBeNull();
    expect(ctl.isBusy()).toBe(false);
    expect(ctl.toolKey("Enter")).toBe(false);
    expect(host.commits).toEqual([]);
  });

  it("polygon: switching tools mid-polygon drops it (no commit), also when coming back", () => {
    const { host, ctl } = setup();
    ctl.setTool("polygon");
    click(ctl, { x: 0, y: 0 });
    click(ctl, { x: 100, y: 0 });
    click(ctl, { x: 100, y: 100 });
    ctl.setTool("rect");
    expect(host.commits).toEqual([]);
    expect(host.shownPreview).toBeNull();
    expect(ctl.isBusy()).toBe(false);
    ctl.setTool("polygon");
    expect(ctl.toolKey("Enter")).toBe(false);
    ctl.doubleClick();
    expect(host.commits).toEqual([]);
  });

  it("polygon: a middle-drag pan mid-polygon keeps the vertices", () => {
    const { host, ctl } = setup();
    ctl.setTool("polygon");
    click(ctl, { x: 0, y: 0 });
    click(ctl, { x: 100, y: 0 });
    drag(ctl, { x: 50, y: 50 }, { x: 60, y: 70 }, 2, 1);
    expect(host.view).toMatchObject({ panX: 10, panY: 20 });
    click(ctl, { x: 110, y: 120 });
    ctl.doubleClick();
    expect(host.commits).toEqual([
      {
        kind: "polygon",
        mode: "add",
        points: [
          { x: 0, y: 0 },
          { x: 100, y: 0 },
          { x: 100, y: 100 },
        ],
      },
    ]);
  });
});
