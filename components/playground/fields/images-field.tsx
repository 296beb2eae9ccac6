"use client";

import { labelOf } from "@/components/playground/field-help";
import { LazyMultiImageInput } from "@/components/playground/fields/lazy-image-input";
import { useField } from "@/components/playground/fields/use-field";
import { imageList } from "@/lib/playground-form/draft-types";
import type { FieldSpec } from "@/lib/models";

/**
 * A list of input images: IMAGE_VARIATION's one to five sources, a catalog model's reference
 * images. `optional`: none is fine (a catalog spec's min is the least when some are given).
 */
export function ImagesField({ spec, error, optional = false }: { spec: FieldSpec; error?: string; optional?: boolean }) {
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
      min={optional ? 0 : (spec.min ?? 1)}
      max={spec.max ?? 5}
      error={error}
    />
  );
}
