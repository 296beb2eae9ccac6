"use client";

import type { ReactNode } from "react";
import type { ApiJob, ApiSweep } from "@/lib/api-types";
import { formatDollars } from "@/lib/display/format";
import { sweepProgress } from "@/lib/sweep-ui/grid-layout";

/**
 * The sweep's bar: progress ("6 of 9 done · $0.72 of $1.08"), then its actions: Compare the
 * selected cells, Swap axes, Cancel the waiting cells, Re-run with another seed, and the
 * `extraActions` the page passes in (contact sheet, share).
 */
export function SweepToolbar({
  sweep,
  jobs,
  selectedCount,
  onCompare,
  onSwap,
  onCancel,
  cancelling,
  onRerun,
  rerunning,
  canRerun,
  extraActions,
}: {
  sweep: ApiSweep;
  jobs: readonly ApiJob[];
  selectedCount: number;
  onCompare: () => void;
  onSwap: (() => void) | null;
  onCancel: () => void;
  cancelling: boolean;
  onRerun: () => void;
  rerunning: boolean;
  /** False when an axis varies the seed (its values say which seeds run). */
  canRerun: boolean;
  extraActions?: ReactNode;
}) {
  const p = sweepProgress(sweep.cells.length, jobs.map((j) => j.status));
  const spent = jobs.reduce((sum, j) => sum + (j.actualCostUsd ?? 0), 0);
  const button = "rounded-md border border-neutral-300 bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:bg-neutral-100 disabled:text-neutral-400";
  const parts = [
    p.completed > 0 && `${p.completed} completed`,
    p.running > 0 && `${p.running} running`,
    p.waiting > 0 && `${p.waiting} waiting`,
    p.failed > 0 && `${p.failed} failed`,
    p.cancelled > 0 && `${p.cancelled} cancelled`,
  ].filter(Boolean);
  return (
    <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Sweep">
      <p className="mr-2 text-sm" data-testid="sweep-progress" aria-live="polite">
        <span className="font-medium tabular-nums">
          {p.done} of {p.runs} done · {formatDollars(spent)} of {formatDollars(sweep.estimatedCostUsd)}
        </span>
        {parts.length > 0 && <span className="text-neutral-600"> ({parts.join(", ")})</span>}
      </p>
      <span className="flex-1" />
      <button type="button" className={button} disabled={selectedCount < 2 || selectedCount > 4} onClick={onCompare} title="Tick 2 to 4 cells to compare them">
        Compare{selectedCount > 0 ? ` (${selectedCount})` : ""}
      </button>
      {onSwap && (
        <button type="button" className={button} onClick={onSwap}>
          Swap axes
        </button>
      )}
      <button type="button" className={button} disabled={p.waiting === 0 || cancelling} onClick={onCancel}>
        Cancel {p.waiting > 0 ? `${p.waiting} ` : ""}waiting
      </button>
      {canRerun && (
      <button type="button" className={button} disabled={rerunning} onClick={onRerun} title={`A new sweep with the same axes and another seed (about ${formatDollars(sweep.estimatedCostUsd)})`}>
        {rerunning ? "Starting…" : "Re-run with another seed"}
      </button>
      )}
      {extraActions}
    </div>
  );
}
