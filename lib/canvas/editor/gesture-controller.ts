/**
 * Routes raw pointer, wheel and key input to the right gesture: paint (the current tool's state
 * machine), pan (hand tool, space-drag, middle button, two fingers) or pinch-zoom. No React, no
 * Konva, no DOM: the editor feeds it plain objects in screen (CSS) pixels, and it calls back with
 * a new view, a preview stroke for the buffer layer, or a committed stroke. That keeps every
 * routing rule (no accidental panning while painting, a second finger cancels the stroke, a
 * middle-drag never paints) testable headlessly.
 */
import { screenToImage, zoomAt, type View } from "@/lib/canvas/coords";
import { createToolById, type ToolId } from "@/lib/canvas/editor/tool-ids";
import { clampZoom, panBy, wheelZoomFactor } from "@/lib/canvas/editor/view-ops";
import type { PolygonLassoTool } from "@/lib/canvas/tools/polygon-lasso-tool";
import type { PointerInfo, Tool, ToolResult } from "@/lib/canvas/tools/tool-types";
import type { Point, Stroke, StrokeMode } from "@/lib/canvas/types";

export interface ScreenPointer {
  /** CSS px relative to the stage's top-left corner. */
  x: number;
  y: number;
  button: number;
  pointerType: "mouse" | "pen" | "touch";
  pointerId: number;
}

export interface WheelInput {
  x: number;
  y: number;
  deltaY: number;
  /** Trackpad pinches arrive as wheel events with ctrlKey set. */
  ctrlKey: boolean;
}

export interface ControllerHost {
  getView(): View;
  setView(view: View): void;
  /** The stroke in progress (null clears the buffer layer). */
  preview(stroke: Stroke | null): void;
  commit(stroke: Stroke): void;
}

type Gesture =
  | { kind: "idle" }
  | { kind: "paint"; pointerId: number }
  | { kind: "pan"; pointerId: number; last: Point }
  | { kind: "pinch"; startDistance: number; startZoom: number; anchor: Point }
  /** A finger left over after a pinch: it does nothing until lifted, so it cannot paint. */
  | { kind: "settle" };

const MIDDLE = 1;
/** Screen distance for closing a polygon on its first vertex. */
const CLOSE_DISTANCE_PX = 8;

export class GestureController {
  private toolId: ToolId = "brush";
  private radius = 20;
  private shapeMode: StrokeMode = "add";
  private tool: Tool | null = null;
  private gesture: Gesture = { kind: "idle" };
  private spaceHeld = false;
  private readonly touches = new Map<number, Point>();

  constructor(private readonly host: ControllerHost) {
    this.rebuildTool();
  }

  get currentTool(): ToolId {
    return this.toolId;
  }

  /** True while a stroke, pan or pinch is under way (tool switches wait; see setTool). */
  isBusy(): boolean {
    return this.gesture.kind !== "idle" || (this.tool?.isActive() ?? false);
  }

  setTool(id: ToolId): void {
    if (id === this.toolId) return;
    this.cancelPaint();
    this.toolId = id;
    this.rebuildTool();
  }

  setRadius(radius: number): void {
    this.radius = radius;
    const tool = this.tool as { setRadius?: (r: number) => void } | null;
    tool?.setRadius?.(radius);
  }

  setShapeMode(mode: StrokeMode): void {
    if (mode === this.shapeMode) return;
    this.cancelPaint();
    this.shapeMode = mode;
    this.rebuildTool();
  }

  setSpaceHeld(held: boolean): void {
    this.spaceHeld = held;
  }

  pointerDown(p: ScreenPointer): void {
    if (p.pointerType === "touch") {
      this.touches.set(p.pointerId, { x: p.x, y: p.y });
      if (this.touches.size === 2) return this.startPinch();
      if (this.touches.size > 2 || this.gesture.kind !== "idle") return;
    } else if (this.gesture.kind !== "idle") {
      return;
    }
    if (p.button === MIDDLE || this.spaceHeld || this.toolId === "hand") {
      // Panning mid-polygon is fine (the vertices stay); mid-drag gestures cannot get here.
      this.gesture = { kind: "pan", pointerId: p.pointerId, last: { x: p.x, y: p.y } };
      return;
    }
    // Only the primary button paints; the right button belongs to the (suppressed) context menu,
    // and starting a gesture for it could leave the controller waiting for an up that never comes.
    if (!this.tool || p.button !== 0) return;
    this.syncCloseDistance();
    this.gesture = { kind: "paint", pointerId: p.pointerId };
    this.apply(this.tool.onPointerDown(this.toImage(p), this.info(p)));
  }

  pointerMove(p: ScreenPointer): void {
    if (p.pointerType === "touch" && this.touches.has(p.pointerId)) this.touches.set(p.pointerId, { x: p.x, y: p.y });
    const g = this.gesture;
    if (g.kind === "pinch") return this.updatePinch();
    if (g.kind === "pan") {
      if (p.pointerId !== g.pointerId) return;
      this.host.setView(panBy(this.host.getView(), p.x - g.last.x, p.y - g.last.y));
      this.gesture = { ...g, last: { x: p.x, y: p.y } };
      return;
    }
    if (g.kind === "settle") return;
    // Idle moves still reach the tool: the polygon lasso's rubber band follows a hovering mouse.
    if (g.kind === "paint" && p.pointerId !== g.pointerId) return;
    if (this.tool) this.apply(this.tool.onPointerMove(this.toImage(p), this.info(p)));
  }

  pointerUp(p: ScreenPointer): void {
    if (p.pointerType === "touch") this.touches.delete(p.pointerId);
    const g = this.gesture;
    if (g.kind === "pinch" || g.kind === "settle") {
      if (this.touches.size === 0) this.gesture = { kind: "idle" };
      else this.gesture = { kind: "settle" };
      return;
    }
    if (g.kind === "pan") {
      if (p.pointerId === g.pointerId) this.gesture = { kind: "idle" };
      return;
    }
    if (g.kind === "paint" && p.pointerId === g.pointerId) {
      this.gesture = { kind: "idle" };
      if (this.tool) this.apply(this.tool.onPointerUp(this.toImage(p), this.info(p)));
    }
  }

  /** pointercancel or lost capture: whatever was in progress leaves nothing behind. */
  pointerCancel(p: ScreenPointer): void {
    this.touches.delete(p.pointerId);
    const g = this.gesture;
    if (g.kind === "paint" && g.pointerId === p.pointerId) this.cancelPaint();
    else if (g.kind === "pan" && g.pointerId === p.pointerId) this.gesture = { kind: "idle" };
    else if ((g.kind === "pinch" || g.kind === "settle") && this.touches.size === 0) this.gesture = { kind: "idle" };
  }

  doubleClick(): void {
    if (this.tool?.onDoubleClick) this.apply(this.tool.onDoubleClick());
  }

  /** Enter, Escape, Backspace for the active tool. Returns true when the tool had a gesture to act on. */
  toolKey(key: string): boolean {
    if (!this.tool?.onKeyDown || !this.tool.isActive()) return false;
    if (key === "Escape" && this.gesture.kind === "paint") this.gesture = { kind: "idle" };
    this.apply(this.tool.onKeyDown(key));
    return true;
  }

  wheel(w: WheelInput): void {
    const view = this.host.getView();
    const zoom = clampZoom(view.zoom * wheelZoomFactor(w.deltaY, w.ctrlKey));
    this.host.setView(zoomAt(view, { x: w.x, y: w.y }, zoom));
  }

  private startPinch(): void {
    // The first finger may have started a stroke: a pinch is not a stroke, so drop it.
    if (this.gesture.kind === "paint") this.cancelPaint();
    const [a, b] = [...this.touches.values()];
    const view = this.host.getView();
    const mid = midpoint(a, b);
    this.gesture = {
      kind: "pinch",
      startDistance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
      startZoom: view.zoom,
      anchor: screenToImage(mid, view),
    };
  }

  private updatePinch(): void {
    const g = this.gesture;
    if (g.kind !== "pinch" || this.touches.size < 2) return;
    const [a, b] = [...this.touches.values()];
    const mid = midpoint(a, b);
    const zoom = clampZoom((g.startZoom * Math.hypot(a.x - b.x, a.y - b.y)) / g.startDistance);
    // The image point first under the fingers stays under them: zoom and two-finger pan at once.
    const view = this.host.getView();
    this.host.setView({ ...view, zoom, panX: mid.x - g.anchor.x * zoom, panY: mid.y - g.anchor.y * zoom });
  }

  private cancelPaint(): void {
    if (this.tool) this.apply(this.tool.onPointerCancel());
    // A polygon keeps its placed vertices on a cancelled press; a tool switch drops them too.
    this.tool?.onKeyDown?.("Escape");
    if (this.gesture.kind === "paint") this.gesture = { kind: "idle" };
    this.host.preview(null);
  }

  private rebuildTool(): void {
    this.tool = createToolById(this.toolId, { radius: this.radius, mode: this.shapeMode });
    this.host.preview(null);
  }

  private syncCloseDistance(): void {
    const tool = this.tool as Partial<PolygonLassoTool> | null;
    tool?.setCloseDistance?.(CLOSE_DISTANCE_PX / this.host.getView().zoom);
  }

  private apply(result: ToolResult): void {
    if (result.commit) this.host.commit(result.commit);
    if (result.preview) this.host.preview(result.preview);
    else if (!this.tool?.isActive()) this.host.preview(null);
  }

  private toImage(p: ScreenPointer): Point {
    return screenToImage({ x: p.x, y: p.y }, this.host.getView());
  }

  private info(p: ScreenPointer): PointerInfo {
    return { button: p.button, pointerType: p.pointerType, pointerId: p.pointerId };
  }
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
