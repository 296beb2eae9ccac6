"use client";

import { useState } from "react";
import { ControlStandIn } from "@/components/playground/control-stand-in";
import { PaletteRow } from "@/components/playground/fields/palette-row";
import { useField } from "@/components/playground/fields/use-field";
import { ErrorText } from "@/components/ui/error-text";
import { lazyClient } from "@/components/ui/lazy-client";
import { useFormStore } from "@/lib/playground-form/form-store";
import { COLORS_MAX, COLORS_MIN, type FieldSpec } from "@/lib/models";

// Image reading and colour extraction load only when someone asks for them.
const PaletteFromImagePanel = lazyClient(
  () => import("@/components/playground/fields/palette-from-image-panel").then((m) => m.default),
  <ControlStandIn className="text-xs text-neutral-500">Loading…</ControlStandIn>,
);

/** Colours to add, in order, skipping ones already in the palette. */
const SUGGESTIONS = ["#E63946", "#F4A261", "#2A9D8F", "#264653", "#E9C46A", "#8338EC", "#3A86FF", "#06D6A0", "#FFFFFF", "#111111"];

/** COLOR_GUIDED_GENERATION's palette: 1–10 colours, each a picker and a #RRGGBB text box. */
export function PaletteEditor({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  const showInvalid = useFormStore((s) => s.runAttempted || s.touched[spec.name] === true);
  const [fromImage, setFromImage] = useState(false);
  const colors = Array.isArray(value) ? (value as string[]) : [];
  const max = spec.max ?? COLORS_MAX;
  const min = spec.min ?? COLORS_MIN;
  const replace = (i: number, c: string) => set(colors.map((x, j) => (j === i ? c : x)));
  const add = () => set([...colors, SUGGESTIONS.find((c) => !colors.includes(c)) ?? "#808080"]);

  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={[error && `${id}-error`, `${id}-help`].filter(Boolean).join(" ")} className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between">
        <span id={`${id}-label`} className="text-sm font-medium text-neutral-800">
          {spec.label}
        </span>
        <span className="text-xs tabular-nums text-neutral-500">
          {colors.length} / {max}
        </span>
      </div>
      <div aria-hidden="true" className="flex h-6 overflow-hidden rounded border border-neutral-300">
        {colors.map((c, i) => (
          <span key={i} className="flex-1" style={{ backgroundColor: /^#[0-9a-f]{6}$/i.test(c) ? c : "transparent" }} />
        ))}
      </div>
      <ol className="flex flex-col gap-1.5">
        {colors.map((c, i) => (
          <PaletteRow
            key={i}
            index={i}
            color={c}
            onChange={(next) => replace(i, next)}
            onRemove={() => set(colors.filter((_, j) => j !== i))}
            canRemove={colors.length > min}
            showInvalid={showInvalid}
            onBlur={touch}
          />
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={add} disabled={colors.length >= max} className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50">
          Add colour
        </button>
        <button type="button" aria-expanded={fromImage} onClick={() => setFromImage(!fromImage)} className="rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-neutral-100">
          Take colours from an image
        </button>
      </div>
      {fromImage && (
        <PaletteFromImagePanel
          max={max}
          onUse={(found) => {
            set(found);
            touch();
            setFromImage(false);
          }}
          onCancel={() => setFromImage(false)}
        />
      )}
      <ErrorText id={`${id}-error`} message={error} />
      <p id={`${id}-help`} className="text-xs text-neutral-500">
        {spec.help}
      </p>
    </div>
  );
}
