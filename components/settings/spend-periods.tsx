"use client";

import type { ApiBudget, ApiSpendPeriod } from "@/lib/api-types";
import { formatDollars } from "@/lib/display/format";

/** When a period ends, in the caps' own time zone (the server's), which may not be the browser's. */
function resetTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(d)} (${timeZone})`;
}

function Fact({ term, value, testId }: { term: string; value: string; testId: string }) {
  return (
    <div className="flex justify-between gap-4">
      <dt className="text-neutral-600">{term}</dt>
      <dd data-testid={testId} className="text-right font-medium tabular-nums">
        {value}
      </dd>
    </div>
  );
}

function PeriodCard({ name, period, timeZone }: { name: "day" | "month"; period: ApiSpendPeriod; timeZone: string }) {
  const title = name === "day" ? "Today" : "This month";
  return (
    <section aria-label={title} data-testid={`spend-period-${name}`} className="flex flex-col gap-2 rounded-lg border border-neutral-200 bg-white p-4 shadow-sm">
      <h3 className="text-sm font-semibold">{title}</h3>
      <dl className="flex flex-col gap-1 text-sm">
        <Fact term="Cap" value={period.capUsd === null ? "No cap" : formatDollars(period.capUsd)} testId={`${name}-cap`} />
        <Fact term="Spent" value={formatDollars(period.spentUsd)} testId={`${name}-spent`} />
        <Fact term="Reserved for unfinished runs" value={formatDollars(period.reservedUsd)} testId={`${name}-reserved`} />
        <Fact term="Left" value={period.leftUsd === null ? "No limit" : formatDollars(period.leftUsd)} testId={`${name}-left`} />
        <Fact term="Resets" value={resetTime(period.resetsAt, timeZone)} testId={`${name}-resets`} />
      </dl>
      {period.capUsd === null && <p className="text-xs text-neutral-500">Without a cap, runs are never refused for what they cost.</p>}
    </section>
  );
}

/**
 * Each cap period: the cap in force, spent (settled, from the ledger), reserved (held for runs
 * not yet finished), what is left, and when it starts again.
 */
export function SpendPeriods({ spend }: { spend: ApiBudget["spend"] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <PeriodCard name="day" period={spend.day} timeZone={spend.timeZone} />
      <PeriodCard name="month" period={spend.month} timeZone={spend.timeZone} />
    </div>
  );
}
