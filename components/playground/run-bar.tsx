"use client";

import Link from "next/link";
import { useEffect, useRef, type ReactNode, type RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import { BudgetLine } from "@/components/playground/budget-line";
import { SweepLauncher } from "@/components/sweeps/sweep-launcher";
import { describeError, isApiRequestError } from "@/lib/queries/api";

interface RunBarProps {
  canRun: boolean;
  pending: boolean;
  onRun: () => void;
  error: unknown;
  formErrors: string[];
  /** Shown when Run is disabled and no field shows why yet. */
  blockedHint?: string;
  /** The live price (and what is left of a cap) beside Run. */
  estimate: ReactNode;
}

const SHORTCUT = "Ctrl+Enter or ⌘+Enter";

/**
 * Publishes the bar's height as --run-bar-h on the document: the page's bottom padding on phones
 * (nothing hides under the fixed bar), and the scroll padding that keeps a focused field above it.
 */
function usePublishedHeight(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => root.setProperty("--run-bar-h", `${el.offsetHeight}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.removeProperty("--run-bar-h");
    };
  }, [ref]);
}

/**
 * Run, the price beside it, the request budget under it, and whatever went wrong with the last
 * submit, in a bar that is always in view: fixed to the bottom of the screen on phones and
 * tablets (clear of the home indicator), and stuck to the bottom of the form's own scrolling
 * column on wide screens (playground.tsx), however long the form is.
 */
export function RunBar({ canRun, pending, onRun, error, formErrors, blockedHint, estimate }: RunBarProps) {
  const ref = useRef<HTMLDivElement>(null);
  usePublishedHeight(ref);
  const fieldsOnly = isApiRequestError(error) && error.status === 422 && error.fields.length > 0;
  // 402: past a spending cap. The message names the cap and what is left; the way out is Settings.
  const overCap = isApiRequestError(error) && error.status === 402;
  const alerts = formErrors.length > 0 || error != null;
  return (
    <div
      ref={ref}
      id="run-bar"
      data-testid="run-bar"
      className="fixed inset-x-0 bottom-0 z-20 border-t border-neutral-200 bg-white/95 pt-3 pr-[max(1rem,env(safe-area-inset-right))] pb-[max(0.75rem,env(safe-area-inset-bottom))] pl-[max(1rem,env(safe-area-inset-left))] shadow-[0_-2px_8px_rgb(0_0_0/0.06)] backdrop-blur lg:sticky lg:-mx-5 lg:-mb-5 lg:rounded-b-lg lg:px-5 lg:pb-4"
    >
      <div className="mx-auto flex max-w-7xl flex-col gap-2">
        {alerts && (
          // Room for the form below stays: a long list of problems scrolls inside the bar.
          <div className="flex max-h-[35vh] flex-col gap-2 overflow-y-auto">
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
          </div>
        )}
        <div className="flex items-center gap-3">
          <button
            type="button"
            onClick={onRun}
            disabled={!canRun || pending}
            title={!canRun && blockedHint ? blockedHint : `Run (${SHORTCUT})`}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            aria-describedby="run-hint"
            className="shrink-0 self-start rounded-md bg-blue-600 px-5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-blue-700 disabled:cursor-not-allowed disabled:bg-neutral-300 disabled:text-neutral-600"
          >
            {pending ? "Submitting…" : "Run"}
          </button>
          <SweepLauncher />
          <div className="flex min-w-0 flex-1 flex-col gap-1">
            {estimate}
            <span id="run-hint" data-testid="run-hint" className="text-xs text-neutral-500">
              {/* No shortcut to show on a phone. */}
              {!canRun && blockedHint ? blockedHint : <kbd className="hidden font-sans sm:inline">{SHORTCUT}</kbd>}
            </span>
          </div>
        </div>
        <BudgetLine />
      </div>
    </div>
  );
}
