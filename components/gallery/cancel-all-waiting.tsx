"use client";

import { Alert } from "@/components/ui/alert";
import { countOf } from "@/lib/display/budget-text";
import { describeError } from "@/lib/queries/api";
import { useBudget } from "@/lib/queries/use-budget";
import { useCancelAllWaiting } from "@/lib/queries/use-cancel-run";

/**
 * "Cancel all waiting (N)", after a confirmation: every run the queue has not sent yet, also
 * those beyond the recent list (N is the server's count, from the budget). Runs the gateway has
 * are not touched: it has no cancel.
 */
export function CancelAllWaiting() {
  const waiting = useBudget().data?.queue.waiting ?? 0;
  const cancel = useCancelAllWaiting();
  const ask = () => {
    const what = waiting === 1 ? "the waiting run" : `all ${waiting} waiting runs`;
    if (window.confirm(`Cancel ${what}? They have not been sent, so they are not billed. Runs already sent finish as usual.`)) cancel.mutate();
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      {cancel.data && (
        <p role="status" data-testid="cancel-all-result" className="text-sm text-neutral-600">
          {cancel.data.cancelled === 0 ? "No run was waiting any more." : `Cancelled ${countOf(cancel.data.cancelled, "waiting run")}.`}
        </p>
      )}
      {cancel.error && <Alert tone="error">{describeError(cancel.error)}</Alert>}
      {waiting > 0 && (
        <button
          type="button"
          onClick={ask}
          disabled={cancel.isPending}
          className="rounded-md border border-neutral-300 bg-white px-2.5 py-1 text-sm font-medium text-neutral-800 hover:bg-neutral-100 disabled:opacity-60"
        >
          {cancel.isPending ? "Cancelling…" : `Cancel all waiting (${waiting})`}
        </button>
      )}
    </div>
  );
}
