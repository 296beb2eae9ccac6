"use client";

import { labelOf } from "@/components/playground/field-help";
import { LazyMultiImageInput } from "@/components/playground/fields/lazy-image-input";
import { useField } from "@/components/playground/fields/use-field";
import { imageList } from "@/lib/playground-form/draft-types";
import type { FieldSpec } from "@/lib/models";

/** IMAGE_VARIATION's one to five source images. */
export function ImagesField({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  return (
    <LazyMultiImageInput
      id={id}
      field={spec.name}
      label={labelOf(spec)}
      help={spec.help}
      value={imageList(value)}
      onChange={(v) => {
        set(v);
        touch();
      }}
      min={spec.min ?? 1}
      max={spec.max ?? 5}
      error={error}
    />
  );
}
