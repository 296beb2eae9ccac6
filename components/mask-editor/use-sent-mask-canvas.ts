"use client";
/** "What the model receives": the black-and-white mask in the task's provider polarity, at source size. */
import { useMemo } from "react";
import { toRgbaForTask } from "@/lib/canvas/rasterize";
import { useChosenMaskPolarity } from "@/lib/playground-form/use-chosen-model";
import type { TaskType } from "@/lib/models";
import type { MaskRaster } from "@/components/mask-editor/use-mask-raster";

export function useSentMaskCanvas(raster: MaskRaster | null, task: TaskType): HTMLCanvasElement | null {
  const polarity = useChosenMaskPolarity();
  return useMemo(() => {
    if (!raster) return null;
    const { bitmap } = raster;
    const canvas = document.createElement("canvas");
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext("2d")?.putImageData(new ImageData(toRgbaForTask(bitmap, task, polarity), bitmap.width, bitmap.height), 0, 0);
    return canvas;
  }, [raster, task, polarity]);
}
