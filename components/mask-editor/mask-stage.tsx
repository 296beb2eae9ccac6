"use client";
/**
 * The Konva stage: the source image, the committed mask (a source-size raster stretched by the
 * view transform), the buffer layer for the stroke in progress and the brush cursor. Konva is
 * write-only here: pointer input is read from the DOM container in CSS pixels and handed to the
 * gesture controller, which converts it to image pixels once (lib/canvas/coords).
 */
import type Konva from "konva";
import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import { Circle, Group, Image as KImage, Layer, Stage } from "react-konva";
import type { View } from "@/lib/canvas/coords";
import type { GestureController, ScreenPointer } from "@/lib/canvas/editor/gesture-controller";
import type { Size } from "@/lib/canvas/types";
import type { MaskRaster } from "@/components/mask-editor/use-mask-raster";

export interface MaskStageProps {
  image: HTMLImageElement;
  imageSize: Size;
  raster: MaskRaster;
  /** The black-and-white mask as sent, when "what the model receives" is on. */
  sentMask: HTMLCanvasElement | null;
  view: View;
  viewport: Size;
  controller: GestureController;
  opacity: number;
  overlayHidden: boolean;
  /** Brush footprint radius in image px, or null when the tool has no brush footprint. */
  cursorRadius: number | null;
  /** "grab" while a pan would start (hand tool, space held). */
  cursor: "crosshair" | "grab" | "none";
  bufferRef: (group: Konva.Group | null) => void;
  containerRef: RefObject<HTMLDivElement | null>;
  label: string;
}

function toScreenPointer(e: ReactPointerEvent<HTMLElement> | PointerEvent, el: HTMLElement): ScreenPointer {
  const box = el.getBoundingClientRect();
  const type = e.pointerType === "touch" || e.pointerType === "pen" ? e.pointerType : "mouse";
  return { x: e.clientX - box.left, y: e.clientY - box.top, button: e.button, pointerType: type, pointerId: e.pointerId };
}

export function MaskStage(props: MaskStageProps) {
  const { image, imageSize, raster, sentMask, view, viewport, controller, opacity, overlayHidden, cursorRadius, cursor, bufferRef, containerRef } = props;
  const maskLayer = useRef<Konva.Layer>(null);
  const cursorCircle = useRef<Konva.Circle>(null);
  const transform = { x: view.panX, y: view.panY, scaleX: view.zoom, scaleY: view.zoom };

  // The raster canvas is mutated in place on each commit; tell Konva to draw it again.
  useEffect(() => {
    maskLayer.current?.batchDraw();
  }, [raster.version, sentMask]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = el.getBoundingClientRect();
      const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      controller.wheel({ x: e.clientX - box.left, y: e.clientY - box.top, deltaY: e.deltaY * scale, ctrlKey: e.ctrlKey });
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [controller, containerRef]);

  const moveCursor = (p: ScreenPointer | null) => {
    const c = cursorCircle.current;
    if (!c) return;
    const visible = p !== null && cursorRadius !== null && p.pointerType !== "touch";
    c.visible(visible);
    if (visible) c.position({ x: p.x, y: p.y });
    c.getLayer()?.batchDraw();
  };

  const down = (e: ReactPointerEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    el.focus({ preventScroll: true });
    el.setPointerCapture(e.pointerId);
    e.preventDefault();
    controller.pointerDown(toScreenPointer(e, el));
  };
  const move = (e: ReactPointerEvent<HTMLDivElement>) => {
    const p = toScreenPointer(e, e.currentTarget);
    moveCursor(p);
    // Coalesced events keep fast pen and touch strokes smooth (one React event per frame).
    const native = e.nativeEvent;
    const samples = typeof native.getCoalescedEvents === "function" ? native.getCoalescedEvents() : [];
    if (samples.length > 1) for (const s of samples) controller.pointerMove(toScreenPointer(s, e.currentTarget));
    else controller.pointerMove(p);
  };
  const up = (e: ReactPointerEvent<HTMLDivElement>) => controller.pointerUp(toScreenPointer(e, e.currentTarget));
  const cancel = (e: ReactPointerEvent<HTMLDivElement>) => controller.pointerCancel(toScreenPointer(e, e.currentTarget));

  return (
    <div
      ref={containerRef}
      role="application"
      aria-label={props.label}
      tabIndex={0}
      data-testid="mask-stage"
      className="absolute inset-0 touch-none select-none outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-500"
      style={{ cursor: cursor === "grab" ? "grab" : cursorRadius !== null ? "none" : "crosshair" }}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={cancel}
      onLostPointerCapture={cancel}
      onPointerLeave={() => moveCursor(null)}
      onDoubleClick={() => controller.doubleClick()}
      onContextMenu={(e) => e.preventDefault()}
    >
      <Stage width={viewport.width} height={viewport.height} listening={false}>
        {/* Pixels stay crisp from 200 %, so a brush edge can be placed on the pixel. */}
        <Layer listening={false} imageSmoothingEnabled={view.zoom < 2}>
          <Group {...transform}>
            <KImage image={image} width={imageSize.width} height={imageSize.height} visible={!sentMask} />
          </Group>
        </Layer>
        <Layer ref={maskLayer} listening={false} imageSmoothingEnabled={false} opacity={sentMask ? 1 : opacity} visible={!!sentMask || !overlayHidden}>
          <Group {...transform}>
            <KImage image={sentMask ?? raster.tint} width={imageSize.width} height={imageSize.height} />
          </Group>
        </Layer>
        <Layer listening={false} opacity={Math.max(opacity, 0.45)}>
          <Group ref={bufferRef} {...transform} />
        </Layer>
        <Layer listening={false}>
          <Circle
            ref={cursorCircle}
            visible={false}
            radius={Math.max(1, (cursorRadius ?? 0) * view.zoom)}
            stroke="#fff"
            strokeWidth={1}
            shadowColor="#000"
            shadowBlur={0}
            shadowOffset={{ x: 1, y: 1 }}
            shadowOpacity={0.9}
          />
        </Layer>
      </Stage>
    </div>
  );
}
