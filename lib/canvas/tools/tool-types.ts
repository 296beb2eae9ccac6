/**
 * The contract every painting tool follows (after tldraw's tool state machines): the editor feeds
 * pointer events already converted to image pixels, and draws whatever comes back. `preview` is
 * the stroke in progress, for the buffer layer; `commit` is a finished stroke for the history.
 * A tool commits exactly once per gesture, on pointer-up (or polygon close), never on move, so
 * one gesture is one undo entry and a cancelled gesture leaves nothing behind.
 *
 * An empty result means "no change to the preview"; whenever `isActive()` turns false (commit,
 * cancel, Escape) the editor clears its buffer layer.
 */
import type { Point, Stroke } from "@/lib/canvas/types";

export interface PointerInfo {
  /** PointerEvent.button on down/up: 0 = primary (mouse left, touch contact, pen tip). */
  button: number;
  pointerType: "mouse" | "pen" | "touch";
  /** When given, events from other pointers (a second finger) are ignored mid-gesture. */
  pointerId?: number;
}

export interface ToolResult {
  preview?: Stroke;
  commit?: Stroke;
}

export interface Tool {
  onPointerDown(point: Point, info: PointerInfo): ToolResult;
  onPointerMove(point: Point, info: PointerInfo): ToolResult;
  onPointerUp(point: Point, info: PointerInfo): ToolResult;
  /** pointercancel, lost capture, or the editor taking over for a pan/pinch: drop the gesture. */
  onPointerCancel(): ToolResult;
  /** Keys the editor forwards while this tool is active (Enter, Escape, Backspace). */
  onKeyDown?(key: string): ToolResult;
  onDoubleClick?(): ToolResult;
  /** True while a gesture is in progress (the editor must not pan or switch tools then). */
  isActive(): boolean;
}

export const NOTHING: ToolResult = {};

/**
 * Only the primary button paints. The middle and right buttons are left to the editor (pan,
 * context menu), so a middle-drag can never leave paint behind.
 */
export function isPaintButton(info: PointerInfo): boolean {
  return info.button === 0;
}

/** Same pointer as the one that started the gesture (or ids not tracked). */
export function isSamePointer(started: number | undefined, info: PointerInfo): boolean {
  return started === undefined || info.pointerId === undefined || started === info.pointerId;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
