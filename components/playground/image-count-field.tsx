"use client";

import { helpFor } from "@/components/playground/field-help";
import { FormField, inputClass } from "@/components/ui/form-field";
import { NumberInput } from "@/components/ui/number-input";
import { useFormStore } from "@/lib/client/form-store";
import { NUMBER_OF_IMAGES_MAX, NUMBER_OF_IMAGES_MIN } from "@/lib/models";

export function ImageCountField({ error }: { error?: string }) {
  const value = useFormStore((s) => s.draft.number_of_images);
  const setField = useFormStore((s) => s.setField);
  const touch = useFormStore((s) => s.touch);
  return (
    <FormField id="field-number_of_images" label="Number of images" help={helpFor("number_of_images")} error={error}>
      {(a11y) => (
        <NumberInput
          {...a11y}
          name="number_of_images"
          inputMode="numeric"
          min={NUMBER_OF_IMAGES_MIN}
          max={NUMBER_OF_IMAGES_MAX}
          step={1}
          value={value}
          onValueChange={(v) => setField("number_of_images", v)}
          onBlur={() => touch("number_of_images")}
          className={inputClass}
        />
      )}
    </FormField>
  );
}
