"use client";

import { useEffect, useRef, useState } from "react";
import { smallButton } from "@/components/image-input/styles";
import { PlainImg } from "@/components/ui/plain-img";
import { renderMaskTint, type ImageValue } from "@/lib/browser-images";
import { useChosenMaskPolarity } from "@/lib/playground-form/use-chosen-model";
import { maskNeedsInversion, type TaskType } from "@/lib/models";

interface MaskOverlayProps {
  image: ImageValue;
  mask: ImageValue;
  /**
   * Optional: the task, so "What the model receives" shows the mask in the provider's polarity
   * (inverted for tasks whose provider reads black = edit; see lib/models/mask-polarity).
   */
  taskType?: TaskType;
}

/**
 * The mask over its image: the area to change (white in the mask) in semi-transparent red.
 * "What the model receives" shows the plain black-and-white mask instead. The overlay is drawn
 * on a canvas at the mask's own size and stretched over the image by CSS, so both line up
 * exactly when their sizes match (and a mismatch is said in words, not hidden).
 */
export function MaskOverlay({ image, mask, taskType }: MaskOverlayProps) {
  const [raw, setRaw] = useState(false);
  const [failed, setFailed] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const polarity = useChosenMaskPolarity();
  const inverted = taskType ? maskNeedsInversion(taskType, polarity) : false;
  const mismatch = image.width !== mask.width || image.height !== mask.height;

  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    let cancelled = false;
    renderMaskTint(mask, target, () => cancelled).then(
      (ok) => !cancelled && setFailed(!ok),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [mask]);

  return (
    <figure className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <figcaption className="text-xs text-neutral-600">
          {raw
            ? `The mask as sent: ${inverted ? "black" : "white"} = change, ${inverted ? "white" : "black"} = keep${inverted ? " (inverted for this task)" : ""}.`
            : "Red = the area the model may change (white in the mask)."}
        </figcaption>
        <button type="button" aria-pressed={raw} onClick={() => setRaw((r) => !r)} className={`${smallButton} aria-pressed:border-neutral-900 aria-pressed:bg-neutral-900 aria-pressed:text-white`}>
          What the model receives
        </button>
      </div>
      <div className="relative mx-auto w-fit max-w-full overflow-hidden rounded-md border border-neutral-200 bg-neutral-100">
        {/* Both layers stay mounted (the canvas keeps its drawing); the toggle only hides one. */}
        <PlainImg
          src={image.dataUrl}
          alt={raw ? "" : "Image with the area to change shown in red"}
          width={image.width}
          height={image.height}
          loading="eager"
          className={`block max-h-[28rem] w-auto max-w-full ${raw ? "invisible" : ""}`}
        />
        <canvas ref={canvas} aria-hidden className={`pointer-events-none absolute inset-0 h-full w-full ${raw ? "hidden" : ""}`} />
        {raw && (
          <PlainImg
            src={mask.dataUrl}
            alt={`Mask, ${mask.width}×${mask.height}: ${inverted ? "black" : "white"} marks the area to change`}
            width={mask.width}
            height={mask.height}
            loading="eager"
            style={inverted ? { filter: "invert(1)" } : undefined}
            className="absolute inset-0 h-full w-full"
          />
        )}
      </div>
      {mismatch && (
        <p className="text-xs text-red-700">
          The mask is {mask.width}×{mask.height} but the image is {image.width}×{image.height}; the overlay is stretched to fit.
        </p>
      )}
      {failed && <p className="text-xs text-red-700">The mask could not be drawn over the image.</p>}
    </figure>
  );
}
