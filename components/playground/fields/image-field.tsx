"use client";

import { labelOf } from "@/components/playground/field-help";
import { LazyImageInput } from "@/components/playground/fields/lazy-image-input";
import { useField } from "@/components/playground/fields/use-field";
import { isImageValue } from "@/lib/playground-form/draft-types";
import type { FieldSpec } from "@/lib/models";

/** One image (source, condition image, reference, garment) in the current task's draft. */
export function ImageField({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  return (
    <LazyImageInput
      id={id}
      field={spec.name}
      label={labelOf(spec)}
      help={spec.help}
      value={isImageValue(value) ? value : null}
      onChange={(v) => {
        set(v);
        touch();
      }}
      onBlur={touch}
      required={spec.required}
      error={error}
    />
  );
}
