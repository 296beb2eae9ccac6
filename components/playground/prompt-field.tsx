"use client";

import { FormField, inputClass } from "@/components/ui/form-field";
import { useFormStore } from "@/lib/client/form-store";
import { countChars } from "@/lib/client/count-chars";
import { PROMPT_MAX } from "@/lib/models";

interface PromptFieldProps {
  field: "prompt" | "negative_prompt";
  label: string;
  help: string;
  error?: string;
  rows: number;
  placeholder?: string;
}

/** A prompt textarea with a live "x / 1024" counter that turns red past the limit. */
export function PromptField({ field, label, help, error, rows, placeholder }: PromptFieldProps) {
  const value = useFormStore((s) => s.draft[field]);
  const setField = useFormStore((s) => s.setField);
  const touch = useFormStore((s) => s.touch);
  const id = `field-${field}`;
  const count = countChars(value);
  const over = count > PROMPT_MAX;

  const counter = (
    <span id={`${id}-extra`} className={`text-xs tabular-nums ${over ? "font-semibold text-red-700" : "text-neutral-500"}`}>
      {count} / {PROMPT_MAX}
      {over && <span className="sr-only"> characters, over the limit</span>}
    </span>
  );

  return (
    <FormField id={id} label={label} help={help} error={error} extra={counter}>
      {(a11y) => (
        <textarea
          {...a11y}
          name={field}
          rows={rows}
          value={value}
          placeholder={placeholder}
          onChange={(e) => setField(field, e.target.value)}
          onBlur={() => touch(field)}
          className={`${inputClass} resize-y`}
        />
      )}
    </FormField>
  );
}
