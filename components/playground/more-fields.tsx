"use client";

import type { ReactNode } from "react";
import { useFormUi } from "@/lib/playground-form/form-ui-store";
import type { FieldSpec } from "@/lib/models";

interface MoreFieldsProps {
  fields: FieldSpec[];
  /** Fields the validator flags (shown or not yet): More never hides one of them. */
  flagged: Record<string, string | undefined>;
  children: ReactNode;
}

/**
 * The rarely changed fields (prompt strength, seed, …) folded under "More", which names them.
 * Open or folded is remembered in this browser. A field with an error never hides: More opens
 * when one is flagged (and the toggle event remembers it open), and cannot be folded while one is.
 */
export function MoreFields({ fields, flagged, children }: MoreFieldsProps) {
  const open = useFormUi((s) => s.moreOpen);
  const setOpen = useFormUi((s) => s.setMoreOpen);
  const toFix = fields.filter((f) => flagged[f.name]).length;
  const shown = open || toFix > 0;
  return (
    <details
      data-testid="more-fields"
      open={shown}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="rounded-md border border-neutral-200"
    >
      <summary
        onClick={(e) => {
          if (shown && toFix > 0) e.preventDefault();
        }}
        className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-neutral-800 select-none hover:bg-neutral-50"
      >
        More <span className="font-normal text-neutral-500">· {fields.map((f) => f.label).join(", ")}</span>
        {toFix > 0 && <span className="font-normal text-red-700"> · {toFix === 1 ? "1 field" : `${toFix} fields`} to fix</span>}
      </summary>
      <div className="flex flex-col gap-5 border-t border-neutral-200 p-3">{children}</div>
    </details>
  );
}
