"use client";

import { labelOf, optionLabel } from "@/components/playground/field-help";
import { useField } from "@/components/playground/fields/use-field";
import { FormField, inputClass } from "@/components/ui/form-field";
import type { FieldSpec, GarmentClass } from "@/lib/models";

/** The garment classes by body region; the first of each group is the whole region. */
const GROUPS: { label: string; classes: GarmentClass[] }[] = [
  { label: "Upper body", classes: ["UPPER_BODY", "LONG_SLEEVE_SHIRT", "SHORT_SLEEVE_SHIRT", "NO_SLEEVE_SHIRT", "OTHER_UPPER_BODY"] },
  { label: "Lower body", classes: ["LOWER_BODY", "LONG_PANTS", "SHORT_PANTS", "OTHER_LOWER_BODY"] },
  { label: "Full body", classes: ["FULL_BODY", "LONG_DRESS", "SHORT_DRESS", "FULL_BODY_OUTFIT", "OTHER_FULL_BODY"] },
  { label: "Footwear", classes: ["FOOTWEAR", "SHOES", "BOOTS", "OTHER_FOOTWEAR"] },
];

/** garment_class as a select with one option group per body region. */
export function GarmentClassSelect({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  return (
    <FormField id={id} label={labelOf(spec)} help={spec.help} error={error}>
      {(a11y) => (
        <select {...a11y} value={typeof value === "string" ? value : ""} onChange={(e) => set(e.target.value)} onBlur={touch} className={inputClass}>
          {value === "" && <option value="">Choose a garment class</option>}
          {GROUPS.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.classes.map((c, i) => (
                <option key={c} value={c}>
                  {i === 0 ? `${g.label} (any)` : optionLabel(spec, c)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </FormField>
  );
}
