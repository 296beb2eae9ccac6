"use client";
/**
 * The editor's view (zoom and pan) and the viewport it lives in. The first size seen fits the
 * image; later resizes keep the centre point where it was (strokes are in image pixels, so a
 * resize can neither lose nor shift one).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { View } from "@/lib/canvas/coords";
import { fitToViewport, nextZoomStep, resizeView, zoomCentered } from "@/lib/canvas/editor/view-ops";
import type { Size } from "@/lib/canvas/types";

export function useEditorView(imageSize: Size, container: HTMLElement | null) {
  const [viewport, setViewport] = useState<Size | null>(null);
  const [view, setViewState] = useState<View | null>(null);
  const viewRef = useRef<View | null>(null);
  const viewportRef = useRef<Size | null>(null);

  const setView = useCallback((next: View) => {
    viewRef.current = next;
    setViewState(next);
  }, []);

  useEffect(() => {
    if (!container) return;
    const measure = () => {
      const next = { width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight) };
      const before = viewportRef.current;
      if (before && before.width === next.width && before.height === next.height) return;
      viewportRef.current = next;
      setViewport(next);
      const dpr = window.devicePixelRatio || 1;
      const current = viewRef.current;
      setView(current && before ? { ...resizeView(current, before, next), devicePixelRatio: dpr } : fitToViewport(imageSize, next, dpr));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    return () => observer.disconnect();
  }, [container, imageSize, setView]);

  /** The current view (a fitted 1:1 stand-in before the first measure), read at call time. */
  const getView = useCallback((): View => viewRef.current ?? { zoom: 1, panX: 0, panY: 0, devicePixelRatio: 1 }, []);

  const setZoom = useCallback(
    (zoom: number | "fit") => {
      const vp = viewportRef.current;
      const current = viewRef.current;
      if (!vp || !current) return;
      setView(zoom === "fit" ? fitToViewport(imageSize, vp, current.devicePixelRatio) : zoomCentered(current, vp, zoom));
    },
    [imageSize, setView],
  );

  const stepZoom = useCallback(
    (dir: 1 | -1) => {
      const current = viewRef.current;
      if (current) setZoom(nextZoomStep(current.zoom, dir));
    },
    [setZoom],
  );

  return { view, viewport, getView, setView, setZoom, stepZoom };
}
