"use client";

import { fieldId } from "@/components/playground/field-help";
import { useDraftValue, useFormStore, type DraftValue } from "@/lib/playground-form/form-store";

/** One field of the current task's draft: its value, a setter, and touch (errors show after it). */
export function useField(name: string) {
  const value = useDraftValue(name);
  const setField = useFormStore((s) => s.setField);
  const touchField = useFormStore((s) => s.touch);
  return {
    id: fieldId(name),
    value,
    set: (v: DraftValue) => setField(name, v),
    touch: () => touchField(name),
  };
}
