"use client";

import { describeError } from "@/lib/client/api";
import { formatDollars } from "@/lib/client/format";
import { useSpend } from "@/lib/client/use-spend";

function Stat({ label, value, sub, testId }: { label: string; value: string; sub: string; testId: string }) {
  return (
    <div className="rounded-lg border border-neutral-200 bg-white px-4 py-3 shadow-sm">
      <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{label}</dt>
      <dd className="mt-1">
        <span data-testid={testId} className="text-2xl font-semibold tabular-nums">
          {value}
        </span>
        <span className="ml-2 text-sm text-neutral-500">{sub}</span>
      </dd>
    </div>
  );
}

const plural = (n: number) => `${n} image${n === 1 ? "" : "s"}`;

/** Spend today and this month, from /api/spend. */
export function SpendSummary() {
  const { data, error, isPending } = useSpend();
  if (error) return <p className="text-sm text-red-700">Could not load spending: {describeError(error)}</p>;
  return (
    <dl aria-busy={isPending} className="grid grid-cols-2 gap-4 sm:max-w-lg">
      <Stat label="Spent today" value={data ? formatDollars(data.todayUsd) : "…"} sub={data ? plural(data.imagesToday) : ""} testId="spend-today" />
      <Stat label="This month" value={data ? formatDollars(data.monthUsd) : "…"} sub={data ? plural(data.imagesMonth) : ""} testId="spend-month" />
    </dl>
  );
}
