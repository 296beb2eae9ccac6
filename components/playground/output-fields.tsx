"use client";

import { helpFor, optionLabel } from "@/components/playground/field-help";
import { ImageCountField } from "@/components/playground/image-count-field";
import { SelectField } from "@/components/ui/select-field";
import { useFormStore, type DraftField } from "@/lib/client/form-store";
import {
  ASPECT_RATIOS,
  outputSize,
  QUALITIES,
  SIZE_SCALES,
  STYLE_LABELS,
  STYLES,
  type AspectRatio,
  type Quality,
  type SizeScale,
  type Style,
} from "@/lib/models";

type Errors = Partial<Record<DraftField, string>>;

const STYLE_OPTIONS = [
  { value: "", label: "None (the prompt decides)" },
  ...STYLES.map((s) => ({ value: s, label: STYLE_LABELS[s].label })),
];

/** Style preset, aspect ratio (with the resulting pixel size), size, quality and image count. */
export function OutputFields({ errors }: { errors: Errors }) {
  const style = useFormStore((s) => s.draft.style);
  const aspect = useFormStore((s) => s.draft.aspect_ratio);
  const scale = useFormStore((s) => s.draft.size_scale);
  const quality = useFormStore((s) => s.draft.quality);
  const setField = useFormStore((s) => s.setField);
  const touch = useFormStore((s) => s.touch);

  return (
    <>
      <SelectField
        id="field-style"
        label="Style"
        value={style}
        options={STYLE_OPTIONS}
        onChange={(v) => setField("style", v as Style | "")}
        onBlur={() => touch("style")}
        help={style ? STYLE_LABELS[style].description : helpFor("style")}
        error={errors.style}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="field-aspect_ratio"
          label="Aspect ratio"
          value={aspect}
          options={ASPECT_RATIOS.map((a) => {
            const { width, height } = outputSize(a, scale);
            return { value: a, label: `${a} — ${width} × ${height}` };
          })}
          onChange={(v) => setField("aspect_ratio", v as AspectRatio)}
          onBlur={() => touch("aspect_ratio")}
          error={errors.aspect_ratio}
        />
        <SelectField
          id="field-size_scale"
          label="Size"
          value={scale}
          options={SIZE_SCALES.map((s) => ({ value: s, label: optionLabel("size_scale", s) }))}
          onChange={(v) => setField("size_scale", v as SizeScale)}
          onBlur={() => touch("size_scale")}
          error={errors.size_scale}
        />
        <SelectField
          id="field-quality"
          label="Quality"
          value={quality}
          options={QUALITIES.map((q) => ({ value: q, label: optionLabel("quality", q) }))}
          onChange={(v) => setField("quality", v as Quality)}
          onBlur={() => touch("quality")}
          help={helpFor("quality")}
          error={errors.quality}
        />
        <ImageCountField error={errors.number_of_images} />
      </div>
    </>
  );
}
