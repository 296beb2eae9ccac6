"use client";
/**
 * The editor's side panel: brush size, overlay look, "what the model receives", the pre-flight
 * check of the mask as it will be sent, and a preview of that exact PNG.
 */
import { useId } from "react";
import type { PreflightResult } from "@/lib/canvas/preflight";
import type { ImageValue } from "@/lib/browser-images/image-value";
import { BRUSH_MAX, BRUSH_MIN, TINT_COLORS, useMaskEditor } from "@/lib/mask-editor/mask-editor-store";
import { formatBytes } from "@/lib/browser-images/problems";

interface EditorPanelProps {
  preflight: PreflightResult;
  /** The PNG the form will send (exported from the strokes), when there is one. */
  sent: ImageValue | null;
  exportPending: boolean;
  inverted: boolean;
}

export function EditorPanel({ preflight, sent, exportPending, inverted }: EditorPanelProps) {
  const ids = { size: useId(), opacity: useId() };
  const s = useMaskEditor();
  return (
    <aside aria-label="Mask settings" className="flex flex-col gap-4 overflow-y-auto p-3 text-sm">
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.size} className="font-medium">
          Brush size <span className="font-normal text-neutral-600">({s.radius * 2} px across, in image pixels)</span>
        </label>
        <div className="flex items-center gap-2">
          <input
            id={ids.size}
            type="range"
            min={BRUSH_MIN}
            max={BRUSH_MAX}
            step={0.5}
            value={s.radius}
            onChange={(e) => s.setRadius(Number(e.target.value))}
            className="flex-1"
            aria-keyshortcuts="[ ]"
          />
          <input
            type="number"
            aria-label="Brush diameter in pixels"
            min={BRUSH_MIN * 2}
            max={BRUSH_MAX * 2}
            value={s.radius * 2}
            onChange={(e) => s.setRadius(Number(e.target.value) / 2)}
            className="h-8 w-16 rounded-md border border-neutral-300 px-2"
          />
        </div>
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className="font-medium">Overlay</legend>
        <div className="flex items-center gap-2" role="radiogroup" aria-label="Overlay colour">
          {TINT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={s.tint === c}
              aria-label={`Colour ${c}`}
              onClick={() => s.setTint(c)}
              className="h-7 w-7 rounded-full border-2 border-white shadow ring-1 ring-neutral-300 aria-checked:ring-2 aria-checked:ring-neutral-900"
              style={{ backgroundColor: c }}
            />
          ))}
        </div>
        <label htmlFor={ids.opacity} className="flex items-center gap-2">
          <span className="w-16">Opacity</span>
          <input id={ids.opacity} type="range" min={0.1} max={1} step={0.05} value={s.opacity} onChange={(e) => s.setOpacity(Number(e.target.value))} className="flex-1" />
          <span className="w-10 text-right tabular-nums">{Math.round(s.opacity * 100)} %</span>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={s.overlayHidden} onChange={() => s.toggleOverlay()} />
          Hide the mask (V)
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={s.maskView} onChange={() => s.toggleMaskView()} />
          What the model receives (M)
        </label>
        {s.maskView && (
          <p className="text-xs text-neutral-600">
            {inverted ? "Black = change, white = keep (this task's provider reads masks inverted)." : "White = change, black = keep."}
          </p>
        )}
      </fieldset>

      <section aria-labelledby="preflight-title" className="flex flex-col gap-1" data-testid="mask-preflight">
        <h3 id="preflight-title" className="font-medium">
          Check before sending
        </h3>
        {preflight.problems.length === 0 && preflight.warnings.length === 0 && (
          <p className="text-green-800">✓ Same size as the image, pure black and white, not empty.</p>
        )}
        <ul className="flex flex-col gap-1">
          {preflight.problems.map((p) => (
            <li key={p.code} className="text-red-700">
              {p.message}
            </li>
          ))}
          {preflight.warnings.map((p) => (
            <li key={p.code} className="text-amber-800">
              {p.message}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sent-title" className="flex flex-col gap-1">
        <h3 id="sent-title" className="font-medium">
          The PNG that will be sent
        </h3>
        {sent && !exportPending ? (
          <>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made in the browser */}
            <img src={sent.dataUrl} alt={`Mask PNG, ${sent.width}×${sent.height}`} className="max-h-40 w-auto self-start border border-neutral-300 bg-black" data-testid="sent-mask-preview" />
            <p className="text-xs text-neutral-600">
              {sent.width}×{sent.height} PNG, {formatBytes(sent.bytes)}
            </p>
          </>
        ) : (
          <p className="text-xs text-neutral-600">{exportPending ? "Updating…" : "Nothing painted yet."}</p>
        )}
      </section>
    </aside>
  );
}
