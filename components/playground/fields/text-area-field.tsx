"use client";

import { labelOf } from "@/components/playground/field-help";
import { useField } from "@/components/playground/fields/use-field";
import { FormField, inputClass } from "@/components/ui/form-field";
import { countChars } from "@/lib/display/count-chars";
import { PROMPT_MAX, type FieldSpec } from "@/lib/models";

interface TextAreaFieldProps {
  spec: FieldSpec;
  error?: string;
  rows?: number;
  placeholder?: string;
}

/** Prompt-like text (prompt, negative prompt, mask prompt) with a live "x / 1024" counter. */
export function TextAreaField({ spec, error, rows = 2, placeholder }: TextAreaFieldProps) {
  const { id, value, set, touch } = useField(spec.name);
  const text = typeof value === "string" ? value : "";
  const max = spec.max ?? PROMPT_MAX;
  const count = countChars(text);
  const over = count > max;

  const counter = (
    <span id={`${id}-extra`} className={`text-xs tabular-nums ${over ? "font-semibold text-red-700" : "text-neutral-500"}`}>
      {count} / {max}
      {over && <span className="sr-only"> characters, over the limit</span>}
    </span>
  );

  return (
    <FormField id={id} label={labelOf(spec)} help={spec.help} error={error} extra={counter}>
      {(a11y) => (
        <textarea
          {...a11y}
          name={spec.name}
          rows={rows}
          value={text}
          placeholder={placeholder}
          aria-required={spec.required || undefined}
          onChange={(e) => set(e.target.value)}
          onBlur={touch}
          className={`${inputClass} resize-y`}
        />
      )}
    </FormField>
  );
}
