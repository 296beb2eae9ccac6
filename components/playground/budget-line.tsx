"use client";

import { describeRequestBudget } from "@/lib/display/budget-text";
import { useBudget } from "@/lib/queries/use-budget";

/**
 * Under Run: how much of the gateway's request budget is left this minute and what the queue
 * holds, so a run that will wait is no surprise. Nothing until the budget has loaded (it is a
 * hint; the run itself never waits for it).
 */
export function BudgetLine() {
  const { data, dataUpdatedAt } = useBudget();
  if (!data) return null;
  return (
    <p
      data-testid="budget-line"
      title={`The gateway takes ${data.requests.perMinute} requests a minute; a run needs about two (sending it, then asking for its result). Runs beyond that wait their turn.`}
      className="text-xs text-neutral-500"
    >
      {describeRequestBudget(data, dataUpdatedAt)}
    </p>
  );
}
