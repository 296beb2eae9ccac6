"use client";

import { labelOf } from "@/components/playground/field-help";
import { useField } from "@/components/playground/fields/use-field";
import { FormField, inputBase } from "@/components/ui/form-field";
import { NumberInput } from "@/components/ui/number-input";
import type { FieldSpec } from "@/lib/models";

/** A slider and a number box kept in step (CFG, control strength, similarity). */
export function SliderField({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  const label = labelOf(spec);
  const num = typeof value === "number" ? value : null;
  const fallback = typeof spec.default === "number" ? spec.default : (spec.min ?? 0);
  return (
    <FormField id={id} label={label} help={spec.help} error={error}>
      {(a11y) => (
        <div className="flex items-center gap-3">
          <input
            type="range"
            aria-label={`${label} slider`}
            aria-describedby={a11y["aria-describedby"]}
            min={spec.min}
            max={spec.max}
            step={spec.step}
            value={num ?? fallback}
            onChange={(e) => set(Number(e.target.value))}
            onBlur={touch}
            className="min-w-0 flex-1 accent-blue-600"
          />
          <NumberInput
            {...a11y}
            name={spec.name}
            min={spec.min}
            max={spec.max}
            step={spec.step}
            value={num}
            onValueChange={set}
            onBlur={touch}
            className={`${inputBase} w-24 shrink-0`}
          />
        </div>
      )}
    </FormField>
  );
}
