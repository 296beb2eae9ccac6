"use client";

import type { ApiBudget } from "@/lib/api-types";
import { countOf } from "@/lib/display/budget-text";
import { formatTime } from "@/lib/display/format";

/** The gateway's request budget as the queue uses it: what is used this minute, and what waits. */
export function RequestBudgetFacts({ budget, now }: { budget: ApiBudget; now: number }) {
  const { requests, queue } = budget;
  const blocked = requests.blockedUntil !== null && Date.parse(requests.blockedUntil) > now;
  return (
    <div className="flex flex-col gap-1 text-sm text-neutral-700">
      <p data-testid="requests-used">
        <span className="font-medium tabular-nums">
          {requests.usedLastMinute} of {countOf(requests.perMinute, "request")}
        </span>{" "}
        used this minute ({requests.left} left).
      </p>
      <p data-testid="queue-counts">
        {queue.waiting === 0 && queue.inFlight === 0
          ? "No run is waiting or in flight."
          : `${countOf(queue.waiting, "run")} waiting · ${countOf(queue.inFlight, "run")} in flight.`}
      </p>
      {blocked && <p className="text-amber-800">The gateway asked for a pause: nothing is sent until {formatTime(requests.blockedUntil!)}.</p>}
      <p className="text-xs text-neutral-500">
        Every request to the gateway counts (sending a run, asking for its result, reading the model list); a run takes about two.
        Runs beyond the budget wait their turn and are sent as it allows. The budget is set by UPSTREAM_RPM.
      </p>
    </div>
  );
}
