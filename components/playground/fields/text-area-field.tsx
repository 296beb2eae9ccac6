"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { labelOf } from "@/components/playground/field-help";
import { useField } from "@/components/playground/fields/use-field";
import { HistoryButton, historyKindOf, LazyPromptPalette } from "@/components/prompt-history/history-trigger";
import { isPaletteShortcut, PALETTE_SHORTCUT } from "@/components/prompt-history/palette-shortcut";
import { FormField, inputClass } from "@/components/ui/form-field";
import { countChars } from "@/lib/display/count-chars";
import { PROMPT_MAX, type FieldSpec } from "@/lib/models";

interface TextAreaFieldProps {
  spec: FieldSpec;
  error?: string;
  rows?: number;
  placeholder?: string;
}

/**
 * Prompt-like text (prompt, negative prompt, mask prompt) with a live "x / 1024" counter. The
 * prompt and the negative prompt also search their history (components/prompt-history): the
 * History button, or Ctrl/⌘+K in the field; the chosen text replaces the field's, through the
 * form store like typing.
 */
export function TextAreaField({ spec, error, rows = 2, placeholder }: TextAreaFieldProps) {
  const { id, value, set, touch } = useField(spec.name);
  const [historyOpen, setHistoryOpen] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const text = typeof value === "string" ? value : "";
  const max = spec.max ?? PROMPT_MAX;
  const count = countChars(text);
  const over = count > max;
  const historyKind = historyKindOf(spec.name);
  const label = labelOf(spec);

  const counter = (
    <span id={`${id}-extra`} className={`text-xs tabular-nums ${over ? "font-semibold text-red-700" : "text-neutral-500"}`}>
      {count} / {max}
      {over && <span className="sr-only"> characters, over the limit</span>}
    </span>
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (historyKind && isPaletteShortcut(e)) {
      e.preventDefault();
      setHistoryOpen(true);
    }
  };

  const closeHistory = () => {
    setHistoryOpen(false);
    const el = textarea.current;
    if (!el) return;
    el.focus();
    // After an insert the caret goes to the end of the new text.
    el.setSelectionRange(el.value.length, el.value.length);
  };

  return (
    <FormField
      id={id}
      label={label}
      help={spec.help}
      error={error}
      extra={
        historyKind ? (
          <span className="flex items-baseline gap-2">
            <HistoryButton fieldLabel={label} onOpen={() => setHistoryOpen(true)} />
            {counter}
          </span>
        ) : (
          counter
        )
      }
    >
      {(a11y) => (
        <>
          <textarea
            {...a11y}
            ref={textarea}
            name={spec.name}
            rows={rows}
            value={text}
            placeholder={placeholder}
            aria-required={spec.required || undefined}
            aria-keyshortcuts={historyKind ? PALETTE_SHORTCUT.keys : undefined}
            onChange={(e) => set(e.target.value)}
            onKeyDown={onKeyDown}
            // Focus leaving for the palette is not the user leaving the field (no "required" yet).
            onBlur={historyOpen ? undefined : touch}
            className={`${inputClass} resize-y`}
          />
          {historyOpen && historyKind && <LazyPromptPalette kind={historyKind} fieldLabel={label} onInsert={(t) => set(t)} onClose={closeHistory} />}
        </>
      )}
    </FormField>
  );
}
