"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { ApiSweepSummary } from "@/lib/api-types";
import { formatDateTime, formatDollars } from "@/lib/display/format";
import { describeError } from "@/lib/queries/api";
import { STATUS_LABELS } from "@/lib/queries/job-status";
import { useSweeps } from "@/lib/queries/use-sweeps";
import type { JobStatus } from "@/lib/api-types";

const ORDER: JobStatus[] = ["completed", "processing", "queued", "submitting", "waiting", "failed", "cancelled"];

/** "CFG 3 × Style 3". */
export const describeAxes = (s: ApiSweepSummary) => s.axes.map((a) => `${a.label} ${a.count}`).join(" × ");

function describeStatuses(s: ApiSweepSummary): string {
  return ORDER.filter((k) => (s.statuses[k] ?? 0) > 0)
    .map((k) => `${s.statuses[k]} ${STATUS_LABELS[k].toLowerCase()}`)
    .join(", ");
}

/** The newest sweeps, each a link to its grid; empty, how to make one. */
export function SweepsList() {
  const { data, error, isPending } = useSweeps();
  if (isPending) return <p className="text-sm text-neutral-500">Loading sweeps…</p>;
  if (!data) return <Alert tone="error">Could not load the sweeps: {describeError(error)}</Alert>;
  if (data.items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-neutral-300 p-10 text-center" data-testid="sweeps-empty">
        <p className="text-neutral-700">No sweeps yet.</p>
        <p className="mt-1 text-sm text-neutral-600">
          Set up a run in the{" "}
          <Link href="/" className="font-medium text-blue-700 underline">
            playground
          </Link>
          , then press “Sweep…” to run it over a grid of values (CFG, styles, seeds, prompts) or to compare models side by side.
        </p>
      </div>
    );
  }
  return (
    <ul className="flex flex-col divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white" aria-label="Sweeps">
      {data.items.map((s) => (
        <li key={s.id} data-testid="sweep-row">
          <Link href={`/sweeps/${s.id}`} className="flex flex-col gap-0.5 px-4 py-3 hover:bg-neutral-50 sm:flex-row sm:items-center sm:gap-4">
            <span className="flex-1">
              <span className="block font-medium">{s.title}</span>
              <span className="block text-sm text-neutral-600">
                {describeAxes(s)} · {s.cellCount} cells{describeStatuses(s) ? ` · ${describeStatuses(s)}` : ""}
              </span>
            </span>
            <span className="text-sm tabular-nums text-neutral-700">
              {formatDollars(s.actualCostUsd)} of {formatDollars(s.estimatedCostUsd)}
            </span>
            <span className="text-sm text-neutral-500">{formatDateTime(s.createdAt)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
