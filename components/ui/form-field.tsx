import type { ReactNode } from "react";
import { ErrorText } from "@/components/ui/error-text";

/** Props every control gets so its label, help and error are announced with it. */
export interface ControlA11y {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FormFieldProps {
  id: string;
  label: string;
  help?: string;
  error?: string;
  /** Shown at the right of the label (a character counter); give it the id `${id}-extra`. */
  extra?: ReactNode;
  children: (a11y: ControlA11y) => ReactNode;
}

/** Label + control + help + inline error, wired with htmlFor, aria-describedby and aria-invalid. */
export function FormField({ id, label, help, error, extra, children }: FormFieldProps) {
  const describedBy = [error && `${id}-error`, extra && `${id}-extra`, help && `${id}-help`].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-neutral-800">
          {label}
        </label>
        {extra}
      </div>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
      <ErrorText id={`${id}-error`} message={error} />
      {help && (
        <p id={`${id}-help`} className="text-xs text-neutral-500">
          {help}
        </p>
      )}
    </div>
  );
}

export const inputBase =
  "rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm disabled:bg-neutral-100 disabled:text-neutral-500 aria-invalid:border-red-600";

export const inputClass = `${inputBase} w-full`;
