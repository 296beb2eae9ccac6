"use client";

import { ErrorText } from "@/components/ui/error-text";

export interface SegmentOption {
  value: string;
  label: string;
  /** Shown as a tooltip and read after the label. */
  description?: string;
}

interface SegmentedControlProps {
  id: string;
  label: string;
  value: string;
  options: readonly SegmentOption[];
  onChange: (value: string) => void;
  onBlur?: () => void;
  help?: string;
  error?: string;
  disabled?: boolean;
}

/**
 * A row of mutually exclusive choices: native radio buttons (so arrow keys move the choice and
 * Tab enters and leaves the group once) drawn as one segmented bar.
 */
export function SegmentedControl({ id, label, value, options, onChange, onBlur, help, error, disabled }: SegmentedControlProps) {
  const describedBy = [error && `${id}-error`, help && `${id}-help`].filter(Boolean).join(" ") || undefined;
  return (
    <div
      role="radiogroup"
      id={id}
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      className="flex flex-col gap-1"
    >
      <span id={`${id}-label`} className="text-sm font-medium text-neutral-800">
        {label}
      </span>
      <div className="flex flex-wrap gap-1 rounded-md border border-neutral-300 bg-neutral-100 p-1">
        {options.map((o) => (
          <label key={o.value} title={o.description} className="min-w-0 flex-1 basis-auto">
            <input
              type="radio"
              name={id}
              value={o.value}
              checked={value === o.value}
              disabled={disabled}
              onChange={() => onChange(o.value)}
              onBlur={onBlur}
              className="peer sr-only"
            />
            <span className="block cursor-pointer rounded px-2.5 py-1.5 text-center text-sm whitespace-nowrap text-neutral-700 peer-checked:bg-white peer-checked:font-medium peer-checked:text-neutral-900 peer-checked:shadow-sm peer-focus-visible:outline-2 peer-focus-visible:outline-blue-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60 hover:text-neutral-900">
              {o.label}
              {o.description && <span className="sr-only">: {o.description}</span>}
            </span>
          </label>
        ))}
      </div>
      <ErrorText id={`${id}-error`} message={error} />
      {help && (
        <p id={`${id}-help`} className="text-xs text-neutral-500">
          {help}
        </p>
      )}
    </div>
  );
}
