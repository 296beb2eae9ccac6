"use client";

import { labelOf, optionLabel } from "@/components/playground/field-help";
import { useField } from "@/components/playground/fields/use-field";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import type { FieldSpec } from "@/lib/models";

/**
 * How an optional choice without a model default is shown: "" = not set (not sent). Where the
 * options include DEFAULT, "not set" is shown as DEFAULT (the same thing to the model) instead
 * of a separate "Not set" entry.
 */
export function choiceOptions(spec: FieldSpec, unsetLabel = "Not set (model default)"): SelectOption[] {
  const options = (spec.options ?? []).map((o) => ({ value: o, label: optionLabel(spec, o) }));
  const unsettable = !spec.required && spec.default === undefined && !spec.options?.includes("DEFAULT");
  return unsettable ? [{ value: "", label: unsetLabel }, ...options] : options;
}

/** The stored value for a chosen option, and the option shown for a stored value. */
export function choiceBinding(spec: FieldSpec, value: unknown) {
  const mapsDefault = spec.default === undefined && spec.options?.includes("DEFAULT") === true;
  const raw = typeof value === "string" ? value : "";
  return {
    shown: mapsDefault && raw === "" ? "DEFAULT" : raw,
    stored: (choice: string) => (mapsDefault && choice === "DEFAULT" ? "" : choice),
  };
}

/** A select for a closed list of options, labelled from the model's optionLabels. */
export function SelectControl({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  const { shown, stored } = choiceBinding(spec, value);
  return (
    <SelectField
      id={id}
      label={labelOf(spec)}
      value={shown}
      options={choiceOptions(spec)}
      onChange={(v) => set(stored(v))}
      onBlur={touch}
      help={spec.help}
      error={error}
    />
  );
}
