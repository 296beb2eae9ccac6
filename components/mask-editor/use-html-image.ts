"use client";

import { useEffect, useState } from "react";

/** The source image as an <img> element for Konva, decoded once per data URL. */
export function useHtmlImage(src: string): HTMLImageElement | null {
  const [img, setImg] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    let cancelled = false;
    const el = new Image();
    el.decoding = "async";
    el.onload = () => !cancelled && setImg(el);
    el.src = src;
    return () => {
      cancelled = true;
    };
  }, [src]);
  return img && img.src === src ? img : null;
}
