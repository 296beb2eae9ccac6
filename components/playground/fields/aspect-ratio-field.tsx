"use client";

import { labelOf } from "@/components/playground/field-help";
import { useField } from "@/components/playground/fields/use-field";
import { SelectField } from "@/components/ui/select-field";
import { useDraftValue } from "@/lib/playground-form/form-store";
import { ASPECT_RATIOS, DEFAULTS, outputSize, SIZE_SCALES, type FieldSpec, type SizeScale } from "@/lib/models";

/** Aspect ratio with the pixel size each choice gives at the chosen size: "3:2 — 1024 × 688". */
export function AspectRatioField({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  const scaleValue = useDraftValue("size_scale");
  const scale: SizeScale = SIZE_SCALES.includes(scaleValue as SizeScale) ? (scaleValue as SizeScale) : DEFAULTS.size_scale;
  return (
    <SelectField
      id={id}
      label={labelOf(spec)}
      value={typeof value === "string" ? value : DEFAULTS.aspect_ratio}
      options={ASPECT_RATIOS.map((a) => {
        const { width, height } = outputSize(a, scale);
        return { value: a, label: `${a} — ${width} × ${height}` };
      })}
      onChange={set}
      onBlur={touch}
      error={error}
    />
  );
}
