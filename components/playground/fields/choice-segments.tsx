"use client";

import { labelOf } from "@/components/playground/field-help";
import { choiceBinding, choiceOptions } from "@/components/playground/fields/select-control";
import { useField } from "@/components/playground/fields/use-field";
import { SegmentedControl } from "@/components/ui/segmented-control";
import type { FieldSpec } from "@/lib/models";

interface ChoiceSegmentsProps {
  spec: FieldSpec;
  error?: string;
  /** Text of the "not set" segment for optional choices without a default. */
  unsetLabel?: string;
  /** Overrides of the model's option labels. */
  labels?: Record<string, string>;
}

/** A short closed list (ON/OFF/DEFAULT, mask type, merge style) as a segmented control. */
export function ChoiceSegments({ spec, error, unsetLabel = "Auto", labels }: ChoiceSegmentsProps) {
  const { id, value, set, touch } = useField(spec.name);
  const { shown, stored } = choiceBinding(spec, value);
  const options = choiceOptions(spec, unsetLabel).map((o) => ({ ...o, label: labels?.[o.value] ?? o.label }));
  return (
    <SegmentedControl
      id={id}
      label={labelOf(spec)}
      value={shown}
      options={options}
      onChange={(v) => {
        set(stored(v));
        touch();
      }}
      onBlur={touch}
      help={spec.help}
      error={error}
    />
  );
}
