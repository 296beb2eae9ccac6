"use client";

import { useId, useState } from "react";
import { checkerboard, smallButton } from "@/components/image-input/styles";
import { useFrameDrag } from "@/components/mask-editor/use-frame-drag";
import { ErrorText } from "@/components/ui/error-text";
import { FormField, inputClass } from "@/components/ui/form-field";
import { NumberInput } from "@/components/ui/number-input";
import { PlainImg } from "@/components/ui/plain-img";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { SelectField } from "@/components/ui/select-field";
import {
  MAX_PLACEMENT_SCALE, MIN_PLACEMENT_SCALE, averageColour, centrePlacement, clampPlacement, clipRect, coversFrame, defaultPlacement,
  fitPlacement, frameMaskStrokes, frameSizeOf, overflowsFrame, paddingRects, placedRect, rectCentre, scalePlacementAbout,
  validateFrameSize, type FrameRect, type Placement,
} from "@/lib/canvas/outpaint-frame";
import type { Size, Stroke } from "@/lib/canvas/types";
import { context2d, createCanvas } from "@/lib/browser-images/canvas";
import { valueFromCanvas } from "@/lib/browser-images/encode";
import type { ImageValue } from "@/lib/browser-images/image-value";
import { INPUT_IMAGE_LIMITS } from "@/lib/models/image-rules";
import { ASPECT_RATIOS, SIZE_SCALES, type AspectRatio, type SizeScale } from "@/lib/models/nova-canvas/options";
import { outputSize } from "@/lib/models/nova-canvas/output-size";

export interface OutpaintFrameProps {
  image: ImageValue;
  onApply(result: { padded: ImageValue; strokes: Stroke[] }): void;
  onCancel(): void;
}

/** The preview is at most this tall on screen (CSS px); it is always at most as wide as its box. */
const PREVIEW_MAX_HEIGHT = 360;
const LOG_MIN = Math.log2(MIN_PLACEMENT_SCALE);
const LOG_MAX = Math.log2(MAX_PLACEMENT_SCALE);
const primaryButton =
  "rounded-md bg-blue-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-blue-700 disabled:cursor-not-allowed disabled:bg-neutral-300 disabled:text-neutral-600";

const isRatio = (v: string): v is AspectRatio => (ASPECT_RATIOS as readonly string[]).includes(v);
const isScale = (v: string): v is SizeScale => (SIZE_SCALES as readonly string[]).includes(v);
const pct = (n: number, of: number) => `${(n / of) * 100}%`;
const sizeText = (s: Size) => `${s.width}×${s.height}`;

/** A landscape or square source starts on 16:9, a portrait one on 9:16; large once it is over 1024 px. */
function initialPreset(image: Size): { aspectRatio: AspectRatio; sizeScale: SizeScale } {
  return { aspectRatio: image.height > image.width ? "9:16" : "16:9", sizeScale: Math.max(image.width, image.height) > 1024 ? "large" : "small" };
}

/** The padded image: padding in the average colour of the source's edge, the source drawn on the placed rect. */
async function composePadded(image: ImageValue, frame: Size, rect: FrameRect): Promise<ImageValue> {
  const img = new Image();
  img.src = image.dataUrl;
  await img.decode();
  const canvas = createCanvas(frame.width, frame.height);
  const ctx = context2d(canvas, { willReadFrequently: true });
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(img, rect.x, rect.y, rect.w, rect.h);
  const kept = clipRect(rect, frame);
  if (kept) {
    const { x, y, w, h } = kept;
    const edges = [[x, y, w, 1], [x, y + h - 1, w, 1], [x, y, 1, h], [x + w - 1, y, 1, h]] as const;
    ctx.fillStyle = averageColour(edges.map(([ex, ey, ew, eh]) => ctx.getImageData(ex, ey, ew, eh).data));
    for (const r of paddingRects(kept, frame)) ctx.fillRect(r.x, r.y, r.w, r.h);
  }
  return valueFromCanvas(canvas, { name: "outpaint frame", kind: "image", sourceFormat: image.format });
}

/** Pick a frame for OUTPAINTING and place the image in it; Apply returns the padded image and its mask strokes. */
export function OutpaintFrame({ image, onApply, onCancel }: OutpaintFrameProps) {
  const id = useId();
  const [mode, setMode] = useState<"preset" | "custom">("preset");
  const [preset, setPreset] = useState(() => initialPreset(image));
  const [custom, setCustom] = useState<{ width: number | null; height: number | null }>(() => outputSize(preset.aspectRatio, preset.sizeScale));
  const [placed, setPlaced] = useState<{ key: string; p: Placement } | null>(null);
  const [busy, setBusy] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);

  const errors = mode === "custom" ? validateFrameSize(custom.width, custom.height) : [];
  const errorOf = (field: "width" | "height" | "frame") => errors.find((e) => e.field === field)?.message;
  const frame: Size | null =
    mode === "preset" ? frameSizeOf({ kind: "preset", ...preset }) : errors.length === 0 ? { width: custom.width!, height: custom.height! } : null;
  // A placement belongs to one frame size: a new size starts again from the default placement.
  const key = frame ? `${sizeText(frame)} for ${sizeText(image)}` : "";
  const placement = frame && placed?.key === key ? placed.p : frame ? defaultPlacement(image, frame) : { x: 0, y: 0, scale: 1 };
  const setPlacement = (p: Placement) => {
    if (frame) setPlaced({ key, p: clampPlacement(p, image, frame) });
  };
  const viewFrame = frame ?? { width: image.width, height: image.height };
  const { ref, handlers, dragging } = useFrameDrag({ source: image, frame: viewFrame, placement, onChange: setPlacement });
  const rect = placedRect(placement, image);
  const percent = Math.round(placement.scale * 100);
  const covers = frame !== null && coversFrame(rect, frame);

  const chooseMode = (v: string) => {
    if (v === "custom" && mode === "preset") setCustom(outputSize(preset.aspectRatio, preset.sizeScale));
    setMode(v === "custom" ? "custom" : "preset");
  };

  const apply = async () => {
    if (!frame || busy) return;
    setBusy(true);
    setApplyError(null);
    try {
      const padded = await composePadded(image, frame, rect);
      onApply({ padded, strokes: frameMaskStrokes(rect, frame) });
    } catch (e) {
      setApplyError(e instanceof Error ? e.message : "Could not build the padded image.");
    } finally {
      setBusy(false);
    }
  };

  const frameErrorId = `${id}-frame-error`;
  const sideInput = (side: "width" | "height", label: string) => (
    <FormField id={`${id}-${side}`} label={label} error={errorOf(side)}>
      {(a11y) => (
        <NumberInput
          {...a11y}
          aria-invalid={a11y["aria-invalid"] ?? (errorOf("frame") ? true : undefined)}
          aria-describedby={[a11y["aria-describedby"], errorOf("frame") && frameErrorId].filter(Boolean).join(" ") || undefined}
          min={INPUT_IMAGE_LIMITS.minSide}
          max={INPUT_IMAGE_LIMITS.maxSide}
          step={1}
          value={custom[side]}
          onValueChange={(v) => setCustom((c) => ({ ...c, [side]: v }))}
          className={inputClass}
        />
      )}
    </FormField>
  );

  return (
    <div data-testid="outpaint-frame" className="flex flex-col gap-4">
      <SegmentedControl
        id={`${id}-mode`}
        label="Frame size"
        value={mode}
        onChange={chooseMode}
        options={[
          { value: "preset", label: "Aspect ratio", description: "one of the model's output sizes" },
          { value: "custom", label: "Custom size", description: "width and height in pixels" },
        ]}
      />
      {mode === "preset" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            id={`${id}-ratio`}
            label="Aspect ratio"
            value={preset.aspectRatio}
            options={ASPECT_RATIOS.map((r) => ({ value: r, label: `${r} (${sizeText(outputSize(r, preset.sizeScale))})` }))}
            onChange={(v) => isRatio(v) && setPreset((p) => ({ ...p, aspectRatio: v }))}
          />
          <SegmentedControl
            id={`${id}-scale`}
            label="Size"
            value={preset.sizeScale}
            options={SIZE_SCALES.map((s) => ({ value: s, label: `${s === "small" ? "Small" : "Large"} · ${sizeText(outputSize(preset.aspectRatio, s))}` }))}
            onChange={(v) => isScale(v) && setPreset((p) => ({ ...p, sizeScale: v }))}
          />
        </div>
      ) : (
        <div className="flex flex-col gap-1">
          <div className="grid grid-cols-2 gap-3">
            {sideInput("width", "Frame width (px)")}
            {sideInput("height", "Frame height (px)")}
          </div>
          <ErrorText id={frameErrorId} message={errorOf("frame")} />
        </div>
      )}

      <div className="flex justify-center rounded-md border border-neutral-200 bg-neutral-100 p-3">
        {frame ? (
          <div
            ref={ref}
            {...handlers}
            tabIndex={0}
            role="application"
            aria-roledescription="image placement"
            aria-label={`Frame ${sizeText(frame)} px with the image inside. Drag the image, use the arrow keys to move it by 1 px (Shift: 10 px), + and − or the mouse wheel to scale it.`}
            aria-describedby={`${id}-numbers`}
            data-testid="outpaint-frame-preview"
            className={`relative touch-none overflow-hidden select-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${dragging ? "cursor-grabbing" : "cursor-grab"}`}
            style={{ ...checkerboard, touchAction: "none", aspectRatio: `${frame.width} / ${frame.height}`, width: `min(100%, ${(PREVIEW_MAX_HEIGHT * frame.width) / frame.height}px)` }}
          >
            <PlainImg
              src={image.dataUrl}
              alt=""
              loading="eager"
              draggable={false}
              className="pointer-events-none absolute max-w-none outline-2 outline-blue-600"
              style={{ left: pct(rect.x, frame.width), top: pct(rect.y, frame.height), width: pct(rect.w, frame.width), height: pct(rect.h, frame.height) }}
            />
          </div>
        ) : (
          <p className="py-12 text-sm text-neutral-600">Enter a valid frame size to place the image.</p>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={`${id}-zoom`} className="text-sm font-medium text-neutral-800">
          Image scale
        </label>
        <input
          id={`${id}-zoom`}
          type="range"
          min={LOG_MIN}
          max={LOG_MAX}
          step={0.01}
          value={Math.log2(placement.scale)}
          aria-valuetext={`${percent}%`}
          disabled={!frame}
          onChange={(e) => setPlacement(scalePlacementAbout(placement, 2 ** Number(e.target.value) / placement.scale, rectCentre(rect)))}
          className="min-w-32 flex-1 accent-blue-600"
        />
        <output htmlFor={`${id}-zoom`} className="w-12 text-right text-sm text-neutral-700 tabular-nums">
          {percent}%
        </output>
        <button type="button" className={smallButton} disabled={!frame} onClick={() => frame && setPlacement(centrePlacement(placement, image, frame))}>
          Centre
        </button>
        <button type="button" className={smallButton} disabled={!frame} onClick={() => frame && setPlacement(fitPlacement(image, frame))}>
          Fit
        </button>
      </div>

      <div className="text-sm text-neutral-700">
        <p id={`${id}-numbers`} className="tabular-nums">
          {frame ? `Frame ${sizeText(frame)} px · image ${rect.w}×${rect.h} px at x ${rect.x}, y ${rect.y} (${percent}%)` : "No valid frame size yet."}
        </p>
        {covers && <p className="text-amber-800">The image covers the whole frame, so nothing would be generated. Make it smaller or the frame larger.</p>}
        {frame && !covers && overflowsFrame(rect, frame) && <p className="text-neutral-600">The parts of the image outside the frame are cut off.</p>}
      </div>

      {applyError && (
        <p role="alert" className="text-sm text-red-700">
          {applyError}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className={smallButton} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className={primaryButton} disabled={!frame || covers || busy} aria-busy={busy || undefined} onClick={apply}>
          {busy ? "Applying…" : "Apply"}
        </button>
      </div>
    </div>
  );
}
