"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { FormField, inputClass } from "@/components/ui/form-field";
import { CAP_LABELS, CAP_VARIABLES, capErrors, capText, parseCap, type CapField } from "@/components/settings/cap-input";
import type { ApiSpendCaps } from "@/lib/api-types";
import { formatDollars } from "@/lib/display/format";
import { describeError, isApiRequestError } from "@/lib/queries/api";
import { useBudget } from "@/lib/queries/use-budget";
import { useSaveSpendCaps, useSpendCaps } from "@/lib/queries/use-spend-caps";

type Ceilings = Record<CapField, number | null>;
const FIELDS: CapField[] = ["dayUsd", "monthUsd"];

/** The two caps as saved on the server; the form appears once they (and the ceilings) are known. */
export function SpendCapsForm() {
  const caps = useSpendCaps();
  const budget = useBudget();
  if (caps.error) return <Alert tone="error">Could not load the spending caps: {describeError(caps.error)}</Alert>;
  if (budget.error && !budget.data) return <Alert tone="error">Could not load the caps&apos; limits: {describeError(budget.error)}</Alert>;
  if (!caps.data || !budget.data) return <p className="text-sm text-neutral-500">Loading the spending caps…</p>;
  const ceilings = { dayUsd: budget.data.spend.day.ceilingUsd, monthUsd: budget.data.spend.month.ceilingUsd };
  return <CapsEditor saved={caps.data} ceilings={ceilings} />;
}

function help(field: CapField, ceiling: number | null): string {
  if (ceiling === null) return "In US dollars. Empty: no cap.";
  return `In US dollars, at most ${formatDollars(ceiling)} (set by ${CAP_VARIABLES[field]}). Empty: ${formatDollars(ceiling)} applies.`;
}

/**
 * Daily and monthly cap in dollars (empty = no cap), saved together. What the browser can tell
 * (not a number, below zero) shows before sending; the server's 422 (above the environment's
 * ceiling) shows under the box it is about.
 */
function CapsEditor({ saved, ceilings }: { saved: ApiSpendCaps; ceilings: Ceilings }) {
  const [text, setText] = useState<Record<CapField, string>>({ dayUsd: capText(saved.dayUsd), monthUsd: capText(saved.monthUsd) });
  const [bad, setBad] = useState<Record<CapField, boolean>>({ dayUsd: false, monthUsd: false });
  const [checked, setChecked] = useState(false);
  const save = useSaveSpendCaps();
  const parsed = { dayUsd: parseCap(text.dayUsd, bad.dayUsd), monthUsd: parseCap(text.monthUsd, bad.monthUsd) };
  const server = capErrors(isApiRequestError(save.error) ? save.error.fields : []);
  const errorOf = (f: CapField) => {
    const own = parsed[f];
    return checked && "error" in own ? own.error : server.byField[f];
  };
  const generalError = save.error && !(isApiRequestError(save.error) && save.error.fields.length > 0) ? describeError(save.error) : null;

  // Focus goes to the first box with something to fix, so its message is read out with it.
  const focusFirst = (bad: (f: CapField) => boolean) => document.getElementById(`cap-${FIELDS.find(bad) ?? ""}`)?.focus();
  const submit = () => {
    setChecked(true);
    if ("error" in parsed.dayUsd || "error" in parsed.monthUsd) return focusFirst((f) => "error" in parsed[f]);
    save.mutate(
      { dayUsd: parsed.dayUsd.usd, monthUsd: parsed.monthUsd.usd },
      { onError: (e) => isApiRequestError(e) && focusFirst((f) => e.fields.some((m) => m.field === f)) },
    );
  };

  return (
    <form
      aria-label="Spending caps"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="flex max-w-xl flex-col gap-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <FormField key={f} id={`cap-${f}`} label={`${CAP_LABELS[f]} (USD)`} help={help(f, ceilings[f])} error={errorOf(f)}>
            {(a11y) => (
              <input
                {...a11y}
                type="number"
                inputMode="decimal"
                min={0}
                step="0.01"
                placeholder="No cap"
                value={text[f]}
                onChange={(e) => {
                  setText({ ...text, [f]: e.target.value });
                  setBad({ ...bad, [f]: e.target.validity.badInput });
                  save.reset();
                }}
                className={inputClass}
              />
            )}
          </FormField>
        ))}
      </div>
      {server.other.map((m) => (
        <Alert key={m} tone="error">
          {m}
        </Alert>
      ))}
      {generalError && <Alert tone="error">{generalError}</Alert>}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={save.isPending}
          className="rounded-md bg-blue-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-blue-700 disabled:bg-neutral-300 disabled:text-neutral-600"
        >
          {save.isPending ? "Saving…" : "Save caps"}
        </button>
        {save.isSuccess && (
          <p role="status" data-testid="caps-saved" className="text-sm text-green-800">
            Saved. Runs from now on are held against these caps.
          </p>
        )}
      </div>
    </form>
  );
}
