"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { BudgetLine } from "@/components/playground/budget-line";
import { describeError, isApiRequestError } from "@/lib/queries/api";

interface RunBarProps {
  canRun: boolean;
  pending: boolean;
  onRun: () => void;
  error: unknown;
  formErrors: string[];
  /** Shown when Run is disabled and no field shows why yet. */
  blockedHint?: string;
}

const SHORTCUT = "Ctrl+Enter or ⌘+Enter";

/** The Run button, the shortcut hint, the request budget and whatever went wrong with the last submit. */
export function RunBar({ canRun, pending, onRun, error, formErrors, blockedHint }: RunBarProps) {
  const fieldsOnly = isApiRequestError(error) && error.status === 422 && error.fields.length > 0;
  // 402: past a spending cap. The message names the cap and what is left; the way out is Settings.
  const overCap = isApiRequestError(error) && error.status === 402;
  return (
    <div className="flex flex-col gap-3">
      {formErrors.map((m) => (
        <Alert key={m} tone="error">
          {m}
        </Alert>
      ))}
      {error != null && (
        <Alert tone="error" testId="submit-error">
          {fieldsOnly ? `${describeError(error)} — see the highlighted fields.` : describeError(error)}
          {overCap && (
            <>
              {" "}
              <Link href="/settings" className="font-medium underline">
                Open Settings
              </Link>
            </>
          )}
        </Alert>
      )}
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={onRun}
          disabled={!canRun || pending}
          title={!canRun && blockedHint ? blockedHint : `Run (${SHORTCUT})`}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          aria-describedby="run-hint"
          className="rounded-md bg-blue-600 px-5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-blue-700 disabled:cursor-not-allowed disabled:bg-neutral-300 disabled:text-neutral-600"
        >
          {pending ? "Submitting…" : "Run"}
        </button>
        <span id="run-hint" data-testid="run-hint" className="text-xs text-neutral-500">
          {!canRun && blockedHint ? blockedHint : <kbd className="font-sans">{SHORTCUT}</kbd>}
        </span>
      </div>
      <BudgetLine />
    </div>
  );
}
