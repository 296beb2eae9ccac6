"use client";

import { labelOf } from "@/components/playground/field-help";
import { LazyImageInput, LazyMaskOverlay } from "@/components/playground/fields/lazy-image-input";
import { useField } from "@/components/playground/fields/use-field";
import { isImageValue } from "@/lib/client/draft-types";
import { useDraftValue, useFormStore } from "@/lib/client/form-store";
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

/**
 * The mask, which must be exactly the source image's size: the picker is told that size, and
 * once both are there the mask is shown over the image.
 */
export function MaskImageField({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  const source = useDraftValue("image");
  const task = useFormStore((s) => s.taskType);
  const image = isImageValue(source) ? source : null;
  const mask = isImageValue(value) ? value : null;
  return (
    <div className="flex flex-col gap-2">
      <LazyImageInput
        id={id}
        field={spec.name}
        label={labelOf(spec)}
        help={image ? spec.help : `${spec.help} Add the image first: the mask must match its size.`}
        value={mask}
        onChange={(v) => {
          set(v);
          touch();
        }}
        onBlur={touch}
        required={spec.required}
        kind="mask"
        matchSize={image ? { width: image.width, height: image.height } : null}
        error={error}
      />
      {image && mask && <LazyMaskOverlay image={image} mask={mask} taskType={task} />}
    </div>
  );
}
