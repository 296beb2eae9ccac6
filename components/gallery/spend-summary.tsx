"use client";

import { describeError } from "@/lib/queries/api";
import { formatDollars } from "@/lib/display/format";
import { taskLabel } from "@/lib/display/task-label";
import { useSpend } from "@/lib/queries/use-spend";
import { modelLabel, useModels } from "@/lib/queries/use-models";

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

interface BreakdownRow {
  key: string;
  name: string;
  images: number;
  usd: number;
}

/** One all-time breakdown (by task type, by model), folded away until asked for. */
function Breakdown({ summary, testId, heading, rows }: { summary: string; testId: string; heading: string; rows: BreakdownRow[] }) {
  return (
    <details className="text-sm text-neutral-700">
      <summary className="cursor-pointer font-medium">{summary}</summary>
      <table className="mt-2 text-left tabular-nums" data-testid={testId}>
        <thead>
          <tr className="text-xs uppercase tracking-wide text-neutral-500">
            <th className="pr-6 font-medium">{heading}</th>
            <th className="pr-6 font-medium">Images</th>
            <th className="font-medium">Spent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <td className="pr-6">{r.name}</td>
              <td className="pr-6">{r.images}</td>
              <td>{formatDollars(r.usd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Spend today, this month and all time, and all time per task type and per model, from /api/spend. */
export function SpendSummary() {
  const { data, error, isPending } = useSpend();
  const { data: models } = useModels();
  if (error) return <p className="text-sm text-red-700">Could not load spending: {describeError(error)}</p>;
  return (
    <div className="flex flex-col gap-3">
      <dl aria-busy={isPending} className="grid grid-cols-2 gap-4 sm:max-w-3xl sm:grid-cols-3">
        <Stat label="Spent today" value={data ? formatDollars(data.todayUsd) : "…"} sub={data ? plural(data.imagesToday) : ""} testId="spend-today" />
        <Stat label="This month" value={data ? formatDollars(data.monthUsd) : "…"} sub={data ? plural(data.imagesMonth) : ""} testId="spend-month" />
        <Stat label="All time" value={data ? formatDollars(data.allTimeUsd) : "…"} sub={data ? plural(data.imagesAllTime) : ""} testId="spend-all-time" />
      </dl>
      {data && data.byTask.length > 0 && (
        <Breakdown
          summary="All time by task type"
          testId="spend-by-task"
          heading="Task"
          rows={data.byTask.map((t) => ({ key: t.taskType, name: taskLabel(t.taskType), images: t.images, usd: t.usd }))}
        />
      )}
      {data && data.byModel.length > 0 && (
        <Breakdown
          summary="All time by model"
          testId="spend-by-model"
          heading="Model"
          rows={data.byModel.map((m) => ({ key: m.model, name: modelLabel(m.model, models), images: m.images, usd: m.usd }))}
        />
      )}
    </div>
  );
}
