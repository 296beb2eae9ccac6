"use client";

import { labelOf } from "@/components/playground/field-help";
import { useField } from "@/components/playground/fields/use-field";
import { FormField, inputClass } from "@/components/ui/form-field";
import { NumberInput } from "@/components/ui/number-input";
import type { FieldSpec } from "@/lib/models";

/** A whole-number box (number of images); empty while typing is allowed and reported. */
export function NumberField({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  return (
    <FormField id={id} label={labelOf(spec)} help={spec.help} error={error}>
      {(a11y) => (
        <NumberInput
          {...a11y}
          name={spec.name}
          inputMode="numeric"
          min={spec.min}
          max={spec.max}
          step={spec.step ?? 1}
          value={typeof value === "number" ? value : null}
          onValueChange={set}
          onBlur={touch}
          className={inputClass}
        />
      )}
    </FormField>
  );
}
