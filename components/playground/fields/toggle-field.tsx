"use client";

import { labelOf } from "@/components/playground/field-help";
import { useField } from "@/components/playground/fields/use-field";
import { ErrorText } from "@/components/ui/error-text";
import type { FieldSpec } from "@/lib/models";

/** A checkbox for an on/off parameter (return_mask). */
export function ToggleField({ spec, error }: { spec: FieldSpec; error?: string }) {
  const { id, value, set, touch } = useField(spec.name);
  const describedBy = [error && `${id}-error`, `${id}-help`].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 text-sm font-medium text-neutral-800">
        <input
          id={id}
          type="checkbox"
          name={spec.name}
          checked={value === true}
          onChange={(e) => set(e.target.checked)}
          onBlur={touch}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="size-4 accent-blue-600"
        />
        {labelOf(spec)}
      </label>
      <ErrorText id={`${id}-error`} message={error} />
      <p id={`${id}-help`} className="text-xs text-neutral-500">
        {spec.help}
      </p>
    </div>
  );
}
