"use client";

import { useState } from "react";
import { STYLE_SWATCHES } from "@/components/playground/fields/style-swatches";
import { useField } from "@/components/playground/fields/use-field";
import { ErrorText } from "@/components/ui/error-text";
import { STYLE_LABELS, STYLES, type FieldSpec, type Style } from "@/lib/models";

const NONE = { label: "None", description: "No preset: the prompt alone decides the look." };
const OPTIONS: { value: Style | ""; label: string; description: string }[] = [
  { value: "", ...NONE },
  ...STYLES.map((s) => ({ value: s, ...STYLE_LABELS[s] })),
];

/**
 * The style presets as a grid of small previews (radio group: arrow keys move the choice).
 * The line under the grid describes the style under the pointer or focus, else the chosen one.
 */
export function StylePicker({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  const [preview, setPreview] = useState<string | null>(null);
  const current = typeof value === "string" ? value : "";
  const described = OPTIONS.find((o) => o.value === (preview ?? current)) ?? OPTIONS[0];

  return (
    <div
      role="radiogroup"
      id={id}
      aria-labelledby={`${id}-label`}
      aria-describedby={[error && `${id}-error`, `${id}-help`].filter(Boolean).join(" ")}
      className="flex flex-col gap-1"
      onMouseLeave={() => setPreview(null)}
    >
      <span id={`${id}-label`} className="text-sm font-medium text-neutral-800">
        {spec.label}
      </span>
      <div className="grid grid-cols-3 gap-2">
        {OPTIONS.map((o) => (
          <label key={o.value || "none"} className="flex cursor-pointer flex-col gap-1" onMouseEnter={() => setPreview(o.value)}>
            <input
              type="radio"
              name={spec.name}
              value={o.value}
              checked={current === o.value}
              onChange={() => set(o.value)}
              onFocus={() => setPreview(o.value)}
              onBlur={() => {
                setPreview(null);
                touch();
              }}
              aria-describedby={`${id}-${o.value || "none"}-desc`}
              className="peer sr-only"
            />
            <span
              aria-hidden="true"
              style={STYLE_SWATCHES[o.value]}
              className="block aspect-[2/1] rounded-md border border-neutral-300 peer-checked:border-blue-600 peer-checked:ring-2 peer-checked:ring-blue-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600"
            />
            <span className="text-xs leading-tight text-neutral-700 peer-checked:font-semibold peer-checked:text-neutral-900">
              {o.label}
            </span>
            <span id={`${id}-${o.value || "none"}-desc`} className="sr-only">
              {o.description}
            </span>
          </label>
        ))}
      </div>
      <ErrorText id={`${id}-error`} message={error} />
      <p id={`${id}-help`} className="min-h-8 text-xs text-neutral-600">
        <span className="font-medium">{described.label}:</span> {described.description}
      </p>
    </div>
  );
}
