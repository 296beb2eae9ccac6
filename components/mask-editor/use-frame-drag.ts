"use client";

import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import {
  clampPlacement,
  dragPlacement,
  placedRect,
  rectCentre,
  scalePlacementAbout,
  type Placement,
} from "@/lib/canvas/outpaint-frame";
import type { Point, Size } from "@/lib/canvas/types";

interface Options {
  source: Size;
  frame: Size;
  placement: Placement;
  onChange: (p: Placement) => void;
}

interface Drag {
  pointerId: number;
  clientX: number;
  clientY: number;
  start: Placement;
  /** Frame px per CSS px, measured when the drag starts. */
  k: number;
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
/** Wheel delta (px) → scale factor: 100 px of wheel is about ×0.82 / ×1.22. */
const WHEEL_RATE = 0.002;
const KEY_SCALE_STEP = 1.1;

/**
 * Moving and scaling the source inside the frame preview: drag with any pointer (captured, so it
 * keeps following outside the box), wheel to scale about the pointer, arrow keys to nudge by
 * 1 px (Shift: 10), + / − to scale about the image centre. Escape or pointercancel during a drag
 * puts the image back where the drag started. Every result goes through `clampPlacement`.
 */
export function useFrameDrag({ source, frame, placement, onChange }: Options) {
  // A callback ref (state), so the wheel listener follows the element if the preview remounts.
  const [el, ref] = useState<HTMLDivElement | null>(null);
  const drag = useRef<Drag | null>(null);
  const [dragging, setDragging] = useState(false);

  const commit = (p: Placement) => onChange(clampPlacement(p, source, frame));

  /** The box's scale and origin: client px → frame px. */
  const toFrame = (clientX: number, clientY: number): Point & { k: number } => {
    const box = el?.getBoundingClientRect();
    if (!box || box.width <= 0) return { x: clientX, y: clientY, k: 1 };
    const k = frame.width / box.width;
    return { x: (clientX - box.left) * k, y: (clientY - box.top) * k, k };
  };

  const end = (restore: boolean) => {
    if (restore && drag.current) commit(drag.current.start);
    drag.current = null;
    setDragging(false);
  };

  const onWheel = useEffectEvent((e: WheelEvent) => {
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    commit(scalePlacementAbout(placement, Math.exp(-e.deltaY * unit * WHEEL_RATE), toFrame(e.clientX, e.clientY)));
  });

  useEffect(() => {
    if (!el) return;
    // React's onWheel is passive, so it could not stop the page from scrolling.
    const listener = (e: WheelEvent) => onWheel(e);
    el.addEventListener("wheel", listener, { passive: false });
    return () => el.removeEventListener("wheel", listener);
  }, [el]);

  const handlers = {
    onPointerDown(e: PointerEvent<HTMLDivElement>) {
      if (drag.current || (e.pointerType === "mouse" && e.button !== 0)) return;
      e.preventDefault();
      e.currentTarget.focus({ preventScroll: true });
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { pointerId: e.pointerId, clientX: e.clientX, clientY: e.clientY, start: placement, k: toFrame(0, 0).k };
      setDragging(true);
    },
    onPointerMove(e: PointerEvent<HTMLDivElement>) {
      const d = drag.current;
      if (!d || d.pointerId !== e.pointerId) return;
      commit(dragPlacement(d.start, (e.clientX - d.clientX) * d.k, (e.clientY - d.clientY) * d.k));
    },
    onPointerUp(e: PointerEvent<HTMLDivElement>) {
      if (drag.current?.pointerId === e.pointerId) end(false);
    },
    onPointerCancel(e: PointerEvent<HTMLDivElement>) {
      if (drag.current?.pointerId === e.pointerId) end(true);
    },
    onLostPointerCapture(e: PointerEvent<HTMLDivElement>) {
      if (drag.current?.pointerId === e.pointerId) end(false);
    },
    onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
      if (e.key === "Escape" && drag.current) {
        e.preventDefault();
        end(true);
        return;
      }
      const arrow = ARROWS[e.key];
      if (arrow) {
        e.preventDefault();
        const step = e.shiftKey ? 10 : 1;
        commit(dragPlacement(placement, arrow[0] * step, arrow[1] * step));
        return;
      }
      const factor = e.key === "+" || e.key === "=" ? KEY_SCALE_STEP : e.key === "-" || e.key === "_" ? 1 / KEY_SCALE_STEP : 0;
      if (factor) {
        e.preventDefault();
        commit(scalePlacementAbout(placement, factor, rectCentre(placedRect(placement, source))));
      }
    },
  };

  return { ref, handlers, dragging };
}
